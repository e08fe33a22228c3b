// Preloaded into a benchmark's child process (`node --require scripts/bench-cpu-report.cjs`):
// on exit it writes the process's own CPU time (user + system, microseconds) to stderr, so
// the bench divides CPU by logins for the product and its baseline alike.
'use strict';
const { writeSync } = require('node:fs');

process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  writeSync(2, `\nBENCH_CPU_US ${user + system}\n`);
});
