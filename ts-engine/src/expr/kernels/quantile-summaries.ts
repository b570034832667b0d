/**
 * The Greenwald-Khanna quantile summary as Spark's QuantileSummaries keeps it, so that
 * approxQuantile returns Spark's values for the same data and partitioning: values are
 * buffered (50,000 at a time) and inserted sorted with rank uncertainty
 * floor(2·ε·count); a summary of 10,000 samples or more is compressed (neighbours merged
 * while g + g' + Δ' < 2·ε·count, the first and last sample always kept); per-partition
 * summaries are compressed and merged in partition order; a query returns the first sample
 * whose rank bounds, widened by max(g + Δ) / 2 (integer division), contain ceil(q·count).
 */

/** One GK sample: a value, the rank gap from the previous sample, and the rank uncertainty. */
interface Stat {
  readonly value: number;
  readonly g: number;
  readonly delta: number;
}

/** Spark's QuantileSummaries.defaultCompressThreshold. */
const COMPRESS_THRESHOLD = 10000;
/** Spark's QuantileSummaries.defaultHeadSize. */
const HEAD_SIZE = 50000;

/** A quantile summary over doubles with relative error `relativeError` (mutable: add, then finish). */
export class QuantileSummary {
  private sampled: Stat[] = [];
  private count = 0;
  private head: number[] = [];

  constructor(readonly relativeError: number) {}

  /** How many values the summary has seen. */
  get size(): number {
    return this.count + this.head.length;
  }

  /** The compressed samples as [value, g, delta, …] (the state a partial aggregate hands on). */
  encode(): number[] {
    this.compress();
    return this.sampled.flatMap((x) => [x.value, x.g, x.delta]);
  }

  /** A summary of `count` values from encode()'s samples. */
  static decode(relativeError: number, count: number, flat: readonly number[]): QuantileSummary {
    const q = new QuantileSummary(relativeError);
    for (let i = 0; i + 2 < flat.length; i += 3) q.sampled.push({ value: flat[i]!, g: flat[i + 1]!, delta: flat[i + 2]! });
    q.count = count;
    return q;
  }

  /** Adds one observation (callers skip nulls and NaN, as Spark's approxQuantile does). */
  insert(x: number): void {
    this.head.push(x);
    if (this.head.length < HEAD_SIZE) return;
    this.flushHead();
    if (this.sampled.length >= COMPRESS_THRESHOLD) this.compress();
  }

  /** The buffered values inserted in sorted order among the samples. */
  private flushHead(): void {
    if (this.head.length === 0) return;
    const sorted = Float64Array.from(this.head).sort();
    this.head = [];
    const old = this.sampled;
    const out: Stat[] = [];
    let k = 0;
    let count = this.count;
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i]!;
      while (k < old.length && old[k]!.value <= v) out.push(old[k++]!);
      count++;
      const edge = out.length === 0 || (k === old.length && i === sorted.length - 1);
      out.push({ value: v, g: 1, delta: edge ? 0 : Math.floor(2 * this.relativeError * count) });
    }
    while (k < old.length) out.push(old[k++]!);
    this.sampled = out;
    this.count = count;
  }

  /** Inserts the buffer, then merges neighbouring samples under 2·ε·count. */
  compress(): void {
    this.flushHead();
    this.sampled = compressStats(this.sampled, 2 * this.relativeError * this.count);
  }

  /** This summary merged with `other` (both compressed first); the samples' Δ widen by the other side's error. */
  merge(other: QuantileSummary): void {
    this.compress();
    other.compress();
    if (other.count === 0) return;
    if (this.count === 0) {
      this.sampled = other.sampled;
      this.count = other.count;
      return;
    }
    const eps = Math.max(this.relativeError, other.relativeError);
    const selfExtra = Math.floor(2 * other.relativeError * other.count);
    const otherExtra = Math.floor(2 * this.relativeError * this.count);
    const a = this.sampled;
    const b = other.sampled;
    const out: Stat[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
      if (a[i]!.value < b[j]!.value) {
        const s = a[i++]!;
        out.push(j > 0 ? { ...s, delta: s.delta + selfExtra } : s);
      } else {
        const s = b[j++]!;
        out.push(i > 0 ? { ...s, delta: s.delta + otherExtra } : s);
      }
    }
    while (i < a.length) out.push(a[i++]!);
    while (j < b.length) out.push(b[j++]!);
    this.count += other.count;
    this.sampled = compressStats(out, 2 * eps * this.count);
  }

  /**
   * The approximate quantiles at `qs` (each in [0, 1]), or null when the summary holds no value;
   * compress first. As Spark's query(Seq): the quantiles are searched in ascending order, each
   * search going on from where the previous one stopped.
   */
  query(qs: readonly number[]): number[] | null {
    const s = this.sampled;
    if (s.length === 0) return null;
    let widest = -Infinity;
    for (const x of s) widest = Math.max(widest, x.g + x.delta);
    const targetError = Math.trunc(widest / 2);
    const out = new Array<number>(qs.length).fill(0);
    const order = qs.map((q, i) => [q, i] as const).sort((a, b) => a[0] - b[0]);
    let index = 0;
    let minRank = s[0]!.g;
    for (const [q, at] of order) {
      if (q <= this.relativeError) {
        out[at] = s[0]!.value;
        continue;
      }
      if (q >= 1 - this.relativeError) {
        out[at] = s[s.length - 1]!.value;
        continue;
      }
      const rank = Math.ceil(q * this.count);
      let i = index;
      let r = minRank;
      let found: number | undefined;
      while (i < s.length - 1) {
        const maxRank = r + s[i]!.delta;
        if (maxRank - targetError <= rank && rank <= r + targetError) {
          found = s[i]!.value;
          break;
        }
        i++;
        r += s[i]!.g;
      }
      if (found === undefined) {
        // Spark's findApproxQuantile falls back to the last sample (and a min rank of 0)
        out[at] = s[s.length - 1]!.value;
        index = s.length - 1;
        minRank = 0;
      } else {
        out[at] = found;
        index = i;
        minRank = r;
      }
    }
    return out;
  }
}

/** Spark's compressImmut: from the last sample backwards, fold a sample into the next kept one while their span stays under `threshold`. */
function compressStats(samples: readonly Stat[], threshold: number): Stat[] {
  if (samples.length === 0) return [];
  const res: Stat[] = [];
  let head = samples[samples.length - 1]!;
  for (let i = samples.length - 2; i >= 1; i--) {
    const s = samples[i]!;
    if (s.g + head.g + head.delta < threshold) {
      head = { ...head, g: head.g + s.g };
    } else {
      res.push(head);
      head = s;
    }
  }
  res.push(head);
  const first = samples[0]!;
  if (first.value <= head.value && samples.length > 1) res.push(first);
  return res.reverse();
}
