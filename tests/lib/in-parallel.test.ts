import { describe, expect, it } from 'vitest';
import { inParallel } from '#src/lib/in-parallel.ts';

describe('inParallel', () => {
  it('gives the results in input order, whatever order the tasks finish in', async () => {
    const delays = [30, 5, 20, 0, 10, 15];
    const results = await inParallel(
      delays,
      3,
      (ms) => new Promise<number>((done) => setTimeout(() => done(ms * 2), ms)),
    );
    expect(results).toEqual(delays.map((ms) => ms * 2));
  });

  it('never runs more than `limit` tasks at once, and runs every one', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inParallel([...Array(20).keys()], 4, async (n) => {
      running++;
      most = Math.max(most, running);
      await new Promise((done) => setTimeout(done, 2));
      seen.push(n);
      running--;
    });
    expect(most).toBe(4);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('gives nothing for nothing', async () => {
    expect(await inParallel([], 16, () => Promise.resolve(1))).toEqual([]);
  });
});
