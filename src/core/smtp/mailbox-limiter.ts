/**
 * Exchange Online allows 3 concurrent SMTP AUTH connections per mailbox; the 4th gets
 * `432 4.3.2 Concurrent connections limit exceeded`. A verify, a test send and the bulk
 * checker all go through one limiter so the app itself never trips that limit (and never
 * starves the customer's real mailer of its connections while checking).
 */

export const EXCHANGE_MAX_CONNECTIONS_PER_MAILBOX = 3;

export interface MailboxLimiter {
  /** Runs `task` once fewer than the limit run for `mailbox`; waits (FIFO) otherwise. */
  run<T>(mailbox: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  active(mailbox: string): number;
  waiting(mailbox: string): number;
}

interface Slot {
  active: number;
  readonly queue: Array<() => void>;
}

const keyOf = (mailbox: string): string => mailbox.trim().toLowerCase();

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : Object.assign(new Error('Aborted'), { name: 'AbortError' });
}

export function createMailboxLimiter(maxPerMailbox: number = EXCHANGE_MAX_CONNECTIONS_PER_MAILBOX): MailboxLimiter {
  if (!Number.isInteger(maxPerMailbox) || maxPerMailbox < 1)
    throw new RangeError('maxPerMailbox must be a positive integer');
  const slots = new Map<string, Slot>();

  const slotFor = (key: string): Slot => {
    let slot = slots.get(key);
    if (!slot) {
      slot = { active: 0, queue: [] };
      slots.set(key, slot);
    }
    return slot;
  };

  const acquire = (key: string, signal?: AbortSignal): Promise<void> => {
    const slot = slotFor(key);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (slot.active < maxPerMailbox) {
      slot.active += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        slot.active += 1;
        resolve();
      };
      const onAbort = (): void => {
        const i = slot.queue.indexOf(grant);
        if (i >= 0) slot.queue.splice(i, 1);
        reject(abortError(signal as AbortSignal));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      slot.queue.push(grant);
    });
  };

  const release = (key: string): void => {
    const slot = slotFor(key);
    slot.active -= 1;
    const next = slot.queue.shift();
    if (next) next();
    else if (slot.active === 0) slots.delete(key);
  };

  return {
    async run<T>(mailbox: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      const key = keyOf(mailbox);
      await acquire(key, signal);
      try {
        return await task();
      } finally {
        release(key);
      }
    },
    active: (mailbox) => slots.get(keyOf(mailbox))?.active ?? 0,
    waiting: (mailbox) => slots.get(keyOf(mailbox))?.queue.length ?? 0,
  };
}

/** The process-wide limiter: every SMTP connection the app makes to Exchange goes through it. */
export const sharedMailboxLimiter: MailboxLimiter = createMailboxLimiter();
