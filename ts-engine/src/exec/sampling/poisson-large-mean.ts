import type { Well19937c } from "./well19937c.js";

/**
 * commons-math3 3.6.1's PoissonDistribution.nextPoisson for a mean of 40 or more, the sampler
 * behind Spark's `sample(withReplacement=true, fraction ≥ 40)`: Devroye's rejection method
 * (normal and exponential deviates from the same Well19937c) for floor(mean), plus a
 * small-mean draw for the fractional part, so the counts are Spark's for the same seed.
 * Math.log/exp/sin/cos stand in for FastMath's; they agree but for an occasional last bit,
 * which changes a count only if a comparison falls on that bit.
 */
export class PoissonLargeMean {
  private readonly lambda: number;
  private readonly lambdaFractional: number;
  private readonly logLambda: number;
  private readonly logLambdaFactorial: number;
  private readonly delta: number;
  private readonly twolpd: number;
  private readonly p1: number;
  private readonly p2: number;
  private readonly c1: number;
  private readonly sqrtLambdaHalfDelta: number;

  constructor(
    mean: number,
    private readonly rng: Well19937c,
  ) {
    const lambda = Math.floor(mean);
    this.lambda = lambda;
    this.lambdaFractional = mean - lambda;
    this.logLambda = Math.log(lambda);
    this.logLambdaFactorial = factorialLog(lambda);
    const delta = Math.sqrt(lambda * Math.log((32 * lambda) / Math.PI + 1));
    this.delta = delta;
    const twolpd = 2 * lambda + delta;
    this.twolpd = twolpd;
    const a1 = Math.sqrt(Math.PI * twolpd) * Math.exp(1 / (8 * lambda));
    const a2 = (twolpd / delta) * Math.exp((-delta * (1 + delta)) / twolpd);
    const aSum = a1 + a2 + 1;
    this.p1 = a1 / aSum;
    this.p2 = a2 / aSum;
    this.c1 = 1 / (8 * lambda);
    this.sqrtLambdaHalfDelta = Math.sqrt(lambda + delta / 2);
  }

  /** One count, drawing from the generator exactly as commons-math does (the fractional part's draw first). */
  next(): number {
    const rng = this.rng;
    const lambda = this.lambda;
    const y2 = this.lambdaFractional < Number.MIN_VALUE ? 0 : smallMeanCount(rng, this.lambdaFractional, Math.exp(-this.lambdaFractional));
    const { delta, twolpd, p1, p2, c1 } = this;
    let x = 0;
    let y = 0;
    let v = 0;
    for (;;) {
      const u = rng.nextDouble();
      if (u <= p1) {
        const n = rng.nextGaussian();
        x = n * this.sqrtLambdaHalfDelta - 0.5;
        if (x > delta || x < -lambda) continue;
        y = x < 0 ? Math.floor(x) : Math.ceil(x);
        const e = exponentialSample(rng);
        v = -e - (n * n) / 2 + c1;
      } else {
        if (u > p1 + p2) {
          y = lambda;
          break;
        }
        x = delta + (twolpd / delta) * exponentialSample(rng);
        y = Math.ceil(x);
        v = -exponentialSample(rng) - (delta * (x + 1)) / twolpd;
      }
      const a = x < 0 ? 1 : 0;
      const t = (y * (y + 1)) / (2 * lambda);
      if (v < -t && a === 0) {
        y = lambda + y;
        break;
      }
      const qr = t * ((2 * y + 1) / (6 * lambda) - 1);
      const qa = qr - (t * t) / (3 * (lambda + a * (y + 1)));
      if (v < qa) {
        y = lambda + y;
        break;
      }
      if (v > qr) continue;
      if (v < y * this.logLambda - factorialLog(Math.trunc(y + lambda)) + this.logLambdaFactorial) {
        y = lambda + y;
        break;
      }
    }
    return y2 + Math.trunc(y);
  }
}

/**
 * nextPoisson below a mean of 40: multiply uniforms until the product drops below
 * `p` = e^-mean (commons-math caps it at 1000·mean draws).
 */
export function smallMeanCount(rng: Well19937c, mean: number, p: number): number {
  let n = 0;
  let r = 1;
  while (n < 1000 * mean) {
    r *= rng.nextDouble();
    if (r >= p) n++;
    else return n;
  }
  return n;
}

/** n! for n ≤ 20 as a double (CombinatoricsUtils.FACTORIALS, longs rounded as Java converts them). */
const FACTORIALS: readonly number[] = (() => {
  const out: number[] = [];
  let f = 1n;
  for (let i = 0; i <= 20; i++) {
    if (i > 0) f *= BigInt(i);
    out.push(Number(f));
  }
  return out;
})();

/** CombinatoricsUtils.factorialLog: log(n!) from the table below 21, else a sum of logs. */
function factorialLog(n: number): number {
  if (n < 21) return Math.log(FACTORIALS[n]!);
  let logSum = 0;
  for (let i = 2; i <= n; i++) logSum += Math.log(i);
  return logSum;
}

/**
 * ExponentialDistribution's EXPONENTIAL_SA_QI: partial sums of ln2^i / i! up to 1 (Ahrens and
 * Dieter's table). Bounded at 40 terms in case rounding kept the sum a bit below 1.
 */
const EXPONENTIAL_SA_QI: readonly number[] = (() => {
  const ln2 = Math.log(2);
  const out: number[] = [];
  let qi = 0;
  for (let i = 1; qi < 1 && i <= 40; i++) {
    qi += Math.pow(ln2, i) / FACTORIALS[Math.min(i, 20)]!;
    out.push(qi);
  }
  out[out.length - 1] = Math.max(1, out[out.length - 1]!);
  return out;
})();

/** ExponentialDistribution(mean 1).sample(): Ahrens and Dieter's SA algorithm (1972) on the shared generator. */
function exponentialSample(rng: Well19937c): number {
  const q = EXPONENTIAL_SA_QI;
  const q0 = q[0]!;
  let a = 0;
  let u = rng.nextDouble();
  while (u < 0.5) {
    a += q0;
    u *= 2;
  }
  u += u - 1;
  if (u <= q0) return a + u;
  let i = 0;
  let u2 = rng.nextDouble();
  let umin = u2;
  do {
    ++i;
    u2 = rng.nextDouble();
    if (u2 < umin) umin = u2;
  } while (u > q[i]!);
  return a + umin * q0;
}
