import type { Problem } from '../shared/problem';

/** A diagnosis as a person reads it in a terminal: what happened, why, what to do. */
export function renderProblem(p: Problem): string[] {
  const out = [`✗ ${p.title}  [${p.code}]`];
  if (p.explanation) out.push('', ...wrap(p.explanation));
  if (p.fixSteps.length) out.push('', 'What to do:', ...p.fixSteps.map((s, i) => `  ${i + 1}. ${s}`));
  if (p.commands.length) out.push('', 'Commands:', ...p.commands.flatMap((c) => c.split('\n').map((l) => `  ${l}`)));
  if (p.detail) out.push('', `Detail: ${p.detail}`);
  return out;
}

function wrap(text: string, width = 100): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (cur && cur.length + word.length + 1 > width) {
      lines.push(cur);
      cur = word;
    } else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}
