// The bulk benchmark's baseline (`npm run bench`): bare nodemailer doing the same STARTTLS +
// XOAUTH2 logins as `bulk-verify`, to the same emulator, with the same token and concurrency,
// and nothing else (no limiter, transcript, diagnosis or output). It gets the product's one
// advantage too: a TLS context (roots + the CA) built once, not parsed again per connection,
// so the ratio shows only what the product adds. Prints one JSON line.
// Env: BENCH_SMTP_PORT, BENCH_CA_FILE, BENCH_TOKEN, BENCH_LIST (one address a line), BENCH_CONCURRENCY.
'use strict';
const { readFileSync } = require('node:fs');
const tls = require('node:tls');
const nodemailer = require('nodemailer');

async function main() {
  const env = process.env;
  const ca = readFileSync(env.BENCH_CA_FILE, 'utf8');
  const secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, ca], minVersion: 'TLSv1.2' });
  const mailboxes = readFileSync(env.BENCH_LIST, 'utf8').split('\n').filter(Boolean);
  const concurrency = Number(env.BENCH_CONCURRENCY);
  let next = 0;
  let ok = 0;
  const login = async (user) => {
    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port: Number(env.BENCH_SMTP_PORT),
      secure: false,
      requireTLS: true,
      tls: { secureContext, minVersion: 'TLSv1.2' },
      auth: { type: 'OAuth2', user, accessToken: env.BENCH_TOKEN },
    });
    try {
      await transport.verify();
      ok += 1;
    } finally {
      transport.close();
    }
  };
  const worker = async () => {
    while (next < mailboxes.length) await login(mailboxes[next++]);
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  process.stdout.write(`${JSON.stringify({ ok, total: mailboxes.length, durationMs: performance.now() - t0 })}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
