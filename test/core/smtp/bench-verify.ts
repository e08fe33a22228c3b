/**
 * Benchmark: our verifySmtp (AUTH only) against a bare nodemailer script doing the same
 * STARTTLS + XOAUTH2 login to the same emulator server. Prints medians and the ratio.
 * smtp-server's fixed 100 ms greeting wait is switched off in the emulator (benchmark only):
 * with it, both sides would mostly measure that timer.
 * Run: npm run bench:verify [-- runs]
 */
import nodemailer from 'nodemailer';
import { verifySmtp } from '../../../src/core/smtp/verify-smtp';
import { startEmulator } from '../../emulator';
import { MAILBOXES } from '../../emulator/fixtures/ids';
import { daemonToken, emulatorProfile } from './emulator-tokens';

const runs = Number(process.argv[2] ?? 30);
const warmup = 3;

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function main(): Promise<void> {
  const emu = await startEmulator({ behaviour: { smtpGreetingDelay: false } });
  try {
    const token = await daemonToken(emu);
    const profile = emulatorProfile(emu, {
      flow: 'app-only',
      mailbox: MAILBOXES.noreply,
      fromAddress: MAILBOXES.noreply,
    });

    const ours = async (): Promise<number> => {
      const t0 = performance.now();
      const r = await verifySmtp({ profile, accessToken: token });
      if (!r.ok) throw new Error(`verify failed: ${r.problem?.code}`);
      return performance.now() - t0;
    };
    const bare = async (): Promise<number> => {
      const t0 = performance.now();
      const t = nodemailer.createTransport({
        host: emu.smtp.host,
        port: emu.smtp.port,
        secure: false,
        requireTLS: true,
        tls: { ca: emu.caPem, minVersion: 'TLSv1.2' },
        auth: { type: 'OAuth2', user: MAILBOXES.noreply, accessToken: token },
      });
      await t.verify();
      t.close();
      return performance.now() - t0;
    };

    for (let i = 0; i < warmup; i += 1) {
      await ours();
      await bare();
    }
    const a: number[] = [];
    const b: number[] = [];
    // Interleaved so machine load (2 shared cores) hits both sides alike.
    for (let i = 0; i < runs; i += 1) {
      a.push(await ours());
      b.push(await bare());
    }
    const fmt = (x: number): string => x.toFixed(1).padStart(7);
    console.log(
      `verifySmtp vs bare nodemailer, AUTH XOAUTH2 over STARTTLS to the emulator, ${runs} runs each (+${warmup} warm-up)`,
    );
    console.log(`                 median      p10      p90   (ms)`);
    console.log(`verifySmtp     ${fmt(quantile(a, 0.5))}  ${fmt(quantile(a, 0.1))}  ${fmt(quantile(a, 0.9))}`);
    console.log(`bare nodemailer${fmt(quantile(b, 0.5))}  ${fmt(quantile(b, 0.1))}  ${fmt(quantile(b, 0.9))}`);
    console.log(`ratio (median ours / median bare): ${(quantile(a, 0.5) / quantile(b, 0.5)).toFixed(2)}`);
  } finally {
    await emu.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
