import { Channel } from "./channel.js";

/** Produces one partition's stream. */
export type StreamFactory<T> = (index: number) => AsyncIterable<T>;

async function pump<T>(src: AsyncIterable<T>, ch: Channel<T>): Promise<void> {
  for await (const item of src) {
    if (ch.cancelled) return;
    await ch.push(item);
    if (ch.cancelled) return;
  }
}

/**
 * Runs `count` streams with at most `concurrency` at once and yields their items as they
 * come (no order between streams). Stopping early stops the producers.
 */
export async function* mergeUnordered<T>(count: number, make: StreamFactory<T>, concurrency: number): AsyncGenerator<T> {
  const ch = new Channel<T>(Math.max(4, concurrency * 2));
  let next = 0;
  let running = 0;
  const runOne = async (): Promise<void> => {
    while (next < count && !ch.cancelled) {
      const i = next++;
      await pump(make(i), ch);
    }
  };
  const lanes = Math.max(1, Math.min(concurrency, count));
  const all: Promise<void>[] = [];
  for (let l = 0; l < lanes; l++) {
    running++;
    all.push(
      runOne().then(
        () => {
          if (--running === 0) ch.close();
        },
        (e: unknown) => ch.fail(e),
      ),
    );
  }
  if (count === 0) ch.close();
  yield* ch.drain();
}

/** Items a stream may buffer ahead of the consumer before it pauses (memory bound), by default. */
const AHEAD_LIMIT = 32;

/**
 * Runs `count` streams with at most `concurrency` at once but yields stream 0's items,
 * then stream 1's, … (partition order, as Spark's collect returns them). Streams that
 * run ahead buffer up to `ahead` items, then wait: a consumer that keeps every item anyway
 * (a collect) passes Infinity, so that no stream waits for the ones before it to drain
 * and their tails do not run one after another.
 */
export async function* mergeOrdered<T>(count: number, make: StreamFactory<T>, concurrency: number, ahead = AHEAD_LIMIT): AsyncGenerator<T> {
  if (count === 1 || concurrency <= 1) {
    for (let i = 0; i < count; i++) yield* make(i);
    return;
  }
  const chans: Channel<T>[] = [];
  let started = 0;
  let stopped = false;
  const start = (): void => {
    if (started >= count || stopped) return;
    const i = started++;
    const ch = new Channel<T>(ahead);
    chans[i] = ch;
    pump(make(i), ch).then(
      () => {
        ch.close();
        start();
      },
      (e: unknown) => ch.fail(e),
    );
  };
  for (let l = 0; l < Math.min(concurrency, count); l++) start();
  try {
    for (let i = 0; i < count; i++) {
      while (chans[i] === undefined) await new Promise<void>((r) => setImmediate(r));
      yield* chans[i]!.drain();
    }
  } finally {
    stopped = true;
    for (const ch of chans) ch?.cancel();
  }
}

/**
 * Yields stream 0's items, then stream 1's, …, running only the stream being read and the
 * `ahead` streams after it (PySpark's toLocalIterator: one partition at a time, or with
 * prefetchPartitions the next one too). A stream ahead buffers at most AHEAD_LIMIT items and
 * then waits, so memory is bounded by `ahead + 1` streams' buffers, however slow the reader.
 */
export async function* mergeOrderedAhead<T>(count: number, make: StreamFactory<T>, ahead: number): AsyncGenerator<T> {
  if (ahead <= 0) {
    for (let i = 0; i < count; i++) yield* make(i);
    return;
  }
  const chans: (Channel<T> | undefined)[] = [];
  const start = (i: number): void => {
    if (i >= count || chans[i] !== undefined) return;
    const ch = new Channel<T>(AHEAD_LIMIT);
    chans[i] = ch;
    pump(make(i), ch).then(
      () => ch.close(),
      (e: unknown) => ch.fail(e),
    );
  };
  try {
    for (let i = 0; i < count; i++) {
      for (let j = i; j <= i + ahead; j++) start(j);
      yield* chans[i]!.drain();
      chans[i] = undefined;
    }
  } finally {
    for (const ch of chans) ch?.cancel();
  }
}
