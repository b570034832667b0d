import { operationCanceled } from "./sessions.js";

/** Most result chunks a request may have unacknowledged (bridge/PROTOCOL.md, Flow control). */
export const MAX_UNACKED = 4;

/**
 * Credit window of one streaming request: `acquire()` before sending chunk n resolves once
 * fewer than MAX_UNACKED chunks are unacknowledged. Acks are cumulative (ack k covers ≤ k).
 * Aborting the signal rejects a pending acquire, so a cancelled request stops promptly.
 */
export class AckWindow {
  private sent = 0;
  private acked = -1;
  private waiter: (() => void) | undefined;

  constructor(private readonly signal: AbortSignal, private readonly limit = MAX_UNACKED) {}

  /** Records an ack from the client. */
  ack(seq: number): void {
    if (seq > this.acked) this.acked = seq;
    this.wake();
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  private inFlight(): number {
    return this.sent - (this.acked + 1);
  }

  /** Waits for credit, then counts one more chunk as sent; returns its seq. */
  async acquire(): Promise<number> {
    while (this.inFlight() >= this.limit) {
      if (this.signal.aborted) throw abortReason(this.signal);
      await new Promise<void>((resolve) => {
        const onAbort = (): void => resolve();
        this.signal.addEventListener("abort", onAbort, { once: true });
        this.waiter = () => {
          this.signal.removeEventListener("abort", onAbort);
          resolve();
        };
      });
    }
    if (this.signal.aborted) throw abortReason(this.signal);
    return this.sent++;
  }
}

/** The error an aborted signal carries (OPERATION_CANCELED unless something else was given). */
export function abortReason(signal: AbortSignal): unknown {
  const r: unknown = signal.reason;
  return r instanceof Error ? r : operationCanceled();
}
