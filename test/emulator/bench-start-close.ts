// `npm run bench:emulator`: how long one startEmulator() + close() takes (goal: under 1 s,
// so each test file can have its own emulator).
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const runs = Number(process.env.RUNS ?? 20);
  const load = performance.now();
  const { startEmulator } = await import('./index');
  const importMs = performance.now() - load;
  const first = performance.now();
  await (await startEmulator()).close();
  const firstMs = performance.now() - first;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const emu = await startEmulator();
    await emu.close();
    times.push(performance.now() - t0);
  }
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const max = Math.max(...times);
  console.log(
    `import ${importMs.toFixed(0)} ms; startEmulator()+close(): first ${firstMs.toFixed(1)} ms, then mean ${mean.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${runs} runs`,
  );
}

void main();
