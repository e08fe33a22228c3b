#!/usr/bin/env node
// Runs Electronegativity (Doyensec's Electron security scanner) over the sources and fails
// unless every finding is fixed or justified next to the code, by a comment on the finding's
// line or the few lines above it that names the check:
//   // electronegativity: SANDBOX_JS_CHECK — why this is safe here
// The scanner cannot see through a helper (webPreferences built by a function) and flags every
// openExternal, so a finding is a question to answer where the code is, not a failure by
// itself; an unanswered one is. Offline: scripts/offline-only.cjs refuses its calls home.
//
//   node scripts/electron-scan.mjs [--input DIR]   (default: src)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const args = process.argv.slice(2);
const input = resolve(args.includes('--input') ? args[args.indexOf('--input') + 1] : 'src');
const require = createRequire(import.meta.url);
const scanner = require.resolve('@doyensec/electronegativity/dist/index.js');
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
/** How far above a finding its justification may start (a comment of a few lines). */
const LOOKBACK = 8;

const dir = mkdtempSync(join(tmpdir(), 'sow-electron-scan-'));
// SARIF, not its CSV: the CSV leaves quotes in code samples unescaped.
const report = join(dir, 'findings.sarif');
try {
  const run = spawnSync(
    process.execPath,
    [
      '--require',
      resolve(import.meta.dirname, 'offline-only.cjs'),
      scanner,
      '--input',
      input,
      '--relative',
      '--verbose',
      'false',
      '--electron-version',
      electronVersion,
      '--output',
      report,
    ],
    { encoding: 'utf8' },
  );
  let results;
  try {
    results = JSON.parse(readFileSync(report, 'utf8')).runs[0].results;
  } catch {
    console.error(`Electronegativity wrote no results (exit ${run.status ?? run.signal}):\n${run.stdout}${run.stderr}`);
    process.exit(1);
  }
  const findings = results.map((r) => {
    const where = r.locations[0].physicalLocation;
    return {
      check: r.ruleId,
      level: r.level,
      text: r.message.text,
      file: where.artifactLocation.uri,
      line: where.region.startLine,
    };
  });
  // An app-wide finding (no CSP at all, no navigation limits, no permission handler) has no
  // line to answer it on: it must be fixed.
  const source = (file) => {
    try {
      return readFileSync(join(input, file), 'utf8').split('\n');
    } catch {
      return undefined;
    }
  };
  const unanswered = findings.filter((f) => {
    const lines = source(f.file);
    if (!lines) return true;
    const near = lines.slice(Math.max(0, f.line - 1 - LOOKBACK), f.line).join('\n');
    return !new RegExp(`electronegativity:[^\\n]*\\b${f.check}\\b`).test(near);
  });
  for (const f of unanswered)
    console.error(
      source(f.file)
        ? `${f.file}:${f.line} ${f.check} (${f.level}): ${f.text} Fix it, or justify it there: "electronegativity: ${f.check} — why".`
        : `(whole app) ${f.check} (${f.level}): ${f.text} Fix it.`,
    );
  console.log(
    `Electronegativity (Electron ${electronVersion}) over ${input}: ${findings.length} findings, ${findings.length - unanswered.length} justified next to the code, ${unanswered.length} unanswered.`,
  );
  process.exit(unanswered.length === 0 ? 0 : 1);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
