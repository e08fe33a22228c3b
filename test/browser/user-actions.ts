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
    /** Actions in a dialog of the OS (the folder picker), which the test's port answers. */
    add(actions: readonly string[]): void {
      log.push(...actions);
    },
    /** Actions in Microsoft's own sign-in pages: reported beside the app's count, not in it. */
    elsewhere: [] as string[],
    print(): void {
      const outside = this.elsewhere.length ? ` (+ ${this.elsewhere.length} in Microsoft's sign-in pages)` : '';
      console.log(
        `${journey}: ${log.length} user actions in the app${outside}\n  ${log.map((a, i) => `${i + 1}. ${a}`).join('\n  ')}`,
      );
    },
  };
}
