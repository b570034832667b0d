/** The median of numbers (the mean of the middle two for an even count). */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of no values");
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Median wall time in seconds of `repeat` runs after one warm-up run, the median process
 * CPU seconds of the same runs (every thread: main, workers, GC), and the last run's value
 * (so the answer checked is one a timed run gave). CPU over wall is how many cores a run
 * kept busy: with CPU equal at 1 and 2 threads, a low speed-up is a serial part, not extra work.
 */
export async function medianOf<T>(fn: () => Promise<T>, repeat = 3): Promise<{ seconds: number; cpu: number; value: T }> {
  let value = await fn();
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    value = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6);
  }
  return { seconds: median(times), cpu: median(cpus), value };
}
