// The fault suite's one line, read from Vitest's JSON results: every test under
// test/faults/ named with faultScenario's tag "[fault <id> <risk>]" is one scenario.
const TAG = /^\[fault (\S+) (crash|loss|leak|unclear|hostile)\]/;

/** @param {{ testResults?: { name: string, assertionResults: { title: string, fullName?: string, status: string }[] }[] }} results */
export function faultSummary(results) {
  const failed = { crash: 0, loss: 0, leak: 0, unclear: 0, hostile: 0 };
  let total = 0;
  let good = 0;
  for (const file of results.testResults ?? []) {
    if (!file.name.replaceAll('\\', '/').includes('/test/faults/')) continue;
    for (const a of file.assertionResults) {
      const m = TAG.exec(a.title);
      if (!m || a.status === 'skipped' || a.status === 'pending' || a.status === 'todo') continue;
      total++;
      if (a.status === 'passed') good++;
      else failed[m[2]]++;
    }
  }
  if (total === 0) return undefined;
  const rest = failed.unclear + failed.hostile;
  return (
    `${total} scenarios: ${good} survived or diagnosed clearly, ${failed.crash} crashed, ${failed.loss} lost, ${failed.leak} leaked` +
    (rest ? `, ${failed.unclear} unclear, ${failed.hostile} let hostile data through` : '')
  );
}
