import { describe, expect, it } from 'vitest';
import { createMailboxLimiter } from '../../../src/core/smtp/mailbox-limiter';

const deferred = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('createMailboxLimiter', () => {
  it('runs at most 3 tasks at once for one mailbox and starts the 4th when one ends', async () => {
    const limiter = createMailboxLimiter(3);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    const tasks = gates.map((g) =>
      limiter.run('Alice@Contoso.com', async () => {
        running += 1;
        peak = Math.max(peak, running);
        await g.promise;
        running -= 1;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(limiter.active('alice@contoso.com')).toBe(3);
    expect(limiter.waiting('alice@contoso.com')).toBe(1);
    gates[0]?.resolve();
    await new Promise((r) => setImmediate(r));
    expect(limiter.active('alice@contoso.com')).toBe(3);
    expect(limiter.waiting('alice@contoso.com')).toBe(0);
    gates.forEach((g) => g.resolve());
    await Promise.all(tasks);
    expect(peak).toBe(3);
    expect(limiter.active('alice@contoso.com')).toBe(0);
  });

  it('does not make different mailboxes wait for each other', async () => {
    const limiter = createMailboxLimiter(1);
    const gate = deferred();
    const a = limiter.run('a@contoso.com', () => gate.promise);
    const b = await limiter.run('b@contoso.com', async () => 'b ran');
    expect(b).toBe('b ran');
    gate.resolve();
    await a;
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createMailboxLimiter(1);
    await expect(limiter.run('a@contoso.com', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('a@contoso.com', async () => 'next')).resolves.toBe('next');
  });

  it('drops a waiting task whose signal aborts, without taking a slot', async () => {
    const limiter = createMailboxLimiter(1);
    const gate = deferred();
    const first = limiter.run('a@contoso.com', () => gate.promise);
    const ac = new AbortController();
    const second = limiter.run('a@contoso.com', async () => 'never', ac.signal);
    ac.abort();
    await expect(second).rejects.toThrow();
    expect(limiter.waiting('a@contoso.com')).toBe(0);
    gate.resolve();
    await first;
    expect(limiter.active('a@contoso.com')).toBe(0);
  });
});
