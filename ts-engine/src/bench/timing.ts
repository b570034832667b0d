/** Best wall time in seconds of `repeat` runs after one warm-up, and the last run's value. */
export async function bestOf<T>(fn: () => Promise<T>, repeat = 3): Promise<{ seconds: number; value: T }> {
  let value = await fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    value = await fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return { seconds: best, value };
}
