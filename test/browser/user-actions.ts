/**
 * Counts what a person does in a journey (each field typed, each choice, each press), so
 * the journeys' lengths are measured and printed, not guessed. Steps that only point the
 * app at the emulator (custom cloud, its CA, its SMTP port) are not what a user does and
 * are run outside `act`.
 */
export function userActions(journey: string) {
  const log: string[] = [];
  return {
    log,
    get count(): number {
      return log.length;
    },
    async act<T>(what: string, action: () => Promise<T>): Promise<T> {
      log.push(what);
      return action();
    },
    /** Actions done elsewhere (the Microsoft sign-in pages), added to this journey's count. */
    add(actions: readonly string[]): void {
      log.push(...actions);
    },
    print(): void {
      console.log(`${journey}: ${log.length} user actions\n  ${log.map((a, i) => `${i + 1}. ${a}`).join('\n  ')}`);
    },
  };
}
