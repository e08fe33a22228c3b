import { describe, expect, it } from 'vitest';
import { orderedResults } from '../../../src/core/bulk/ordered-results';

describe('results handed on in input order', () => {
  it('holds a result that finished early until the ones before it are in', async () => {
    const out: number[] = [];
    const o = orderedResults<number>(10, (v) => void out.push(v));
    await o.put(2, 2);
    await o.put(1, 1);
    expect(out).toEqual([]);
    await o.put(0, 0);
    expect(out).toEqual([0, 1, 2]);
  });

  it('lets no row start more than `window` rows ahead of the oldest unfinished one', async () => {
    const o = orderedResults<number>(3, () => undefined);
    await o.waitForRoom(2);
    let started = false;
    const waiting = o.waitForRoom(3).then(() => (started = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toBe(false);
    await o.put(1, 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(started).toBe(false);
    await o.put(0, 0);
    await waiting;
    expect(started).toBe(true);
  });

  it('waits for a slow consumer before handing on the next result', async () => {
    const out: number[] = [];
    let release: () => void = () => undefined;
    const o = orderedResults<number>(10, (v) =>
      v === 0
        ? new Promise<void>(
            (r) =>
              (release = () => {
                out.push(v);
                r();
              }),
          )
        : void out.push(v),
    );
    const first = o.put(0, 0);
    const second = o.put(1, 1);
    await new Promise((r) => setTimeout(r, 10));
    expect(out).toEqual([]);
    release();
    await Promise.all([first, second, o.drained()]);
    expect(out).toEqual([0, 1]);
  });
});
