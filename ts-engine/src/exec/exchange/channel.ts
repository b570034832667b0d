/**
 * A single-consumer async queue. Producers `push` (awaiting while more than `highWater`
 * items wait, which is the backpressure) and finally `close` or `fail`.
 */
export class Channel<T> {
  private readonly items: T[] = [];
  private closed = false;
  private error: unknown = undefined;
  private failed = false;
  private wakeConsumer: (() => void) | null = null;
  private wakeProducers: (() => void)[] = [];
  /** Set when the consumer has gone away; producers should stop. */
  cancelled = false;

  constructor(private readonly highWater = 4) {}

  async push(item: T): Promise<void> {
    this.items.push(item);
    this.wake();
    while (this.items.length > this.highWater && !this.cancelled) {
      await new Promise<void>((r) => this.wakeProducers.push(r));
    }
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  fail(e: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.error = e;
    this.wake();
  }

  /** Stops the producers (consumer done early). */
  cancel(): void {
    this.cancelled = true;
    for (const w of this.wakeProducers.splice(0)) w();
  }

  private wake(): void {
    const w = this.wakeConsumer;
    this.wakeConsumer = null;
    w?.();
  }

  async *drain(): AsyncGenerator<T> {
    try {
      for (;;) {
        if (this.failed) throw this.error;
        const item = this.items.shift();
        if (item !== undefined) {
          if (this.items.length <= this.highWater) for (const w of this.wakeProducers.splice(0)) w();
          yield item;
          continue;
        }
        if (this.closed) return;
        await new Promise<void>((r) => (this.wakeConsumer = r));
      }
    } finally {
      this.cancel();
    }
  }
}
