import { randomInt } from "node:crypto";

/**
 * The seed every fuzz test draws its random input from: TSPARK_FUZZ_SEED when set (to replay
 * a failure), else a fresh one per run. A failing fuzz test names it, so the same frames can
 * be generated again: `TSPARK_FUZZ_SEED=<seed> npx vitest run <file>`.
 */
export const FUZZ_SEED: number = (() => {
  const env = process.env["TSPARK_FUZZ_SEED"];
  if (env === undefined || env === "") return randomInt(0, 2 ** 32);
  const n = Number(env);
  if (!Number.isInteger(n) || n < 0 || n >= 2 ** 32) throw new Error(`TSPARK_FUZZ_SEED must be an integer in [0, 2^32), got ${env}`);
  return n;
})();

/** A small deterministic generator (mulberry32) of uint32s and bytes from one seed. */
export class FuzzRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next uint32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** `n` random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }
}

/**
 * Runs a fuzz body with a generator seeded from FUZZ_SEED (offset by `salt`, so each test draws
 * its own stream); a failure is rethrown with the seed to replay it.
 */
export async function withFuzzSeed(salt: number, body: (rng: FuzzRandom) => void | Promise<void>): Promise<void> {
  const seed = (FUZZ_SEED + salt) >>> 0;
  try {
    await body(new FuzzRandom(seed));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`fuzz failure (replay: TSPARK_FUZZ_SEED=${FUZZ_SEED}): ${why}`, { cause: e });
  }
}
