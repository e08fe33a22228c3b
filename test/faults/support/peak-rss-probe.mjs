// Loaded into a child process with NODE_OPTIONS=--import: writes the process's peak
// resident set size (bytes) to SOW_PEAK_RSS_FILE when it exits, so a test can measure what
// a real CLI run cost in memory without a timing or a polling loop.
import { writeFileSync } from 'node:fs';

const file = process.env.SOW_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
