import { SparkException } from "../errors/spark-exception.js";
import { operationCanceled } from "./sessions.js";

/** Most result chunks a request may have unacknowledged (bridge/PROTOCOL.md, Flow control). */
export const MAX_UNACKED = 4;

/**
 * How long a stream waits for the client to acknowledge before giving up. ZeroMQ does not
 * report a vanished DEALER, so without this a dead remote client would pin its query forever.
 */
export const ACK_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Credit window of one streaming request: `acquire()` before sending chunk n resolves once
 * fewer than MAX_UNACKED chunks are unacknowledged. Acks are cumulative (ack k covers ≤ k).
 * Aborting the signal rejects a pending acquire, so a cancelled request stops promptly.
 */
export class AckWindow {
  private sent = 0;
  private acked = -1;
  private waiter: (() => void) | undefined;

  constructor(
    private readonly signal: AbortSignal,
    private readonly limit = MAX_UNACKED,
    private readonly timeoutMs = ACK_TIMEOUT_MS,
  ) {}

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
      const timedOut = await new Promise<boolean>((resolve) => {
        const onAbort = (): void => done(false);
        const timer = setTimeout(() => done(true), this.timeoutMs);
        const done = (t: boolean): void => {
          clearTimeout(timer);
          this.signal.removeEventListener("abort", onAbort);
          this.waiter = undefined;
          resolve(t);
        };
        this.signal.addEventListener("abort", onAbort, { once: true });
        this.waiter = () => done(false);
      });
      if (timedOut) {
        throw new SparkException("SparkException", "OPERATION_CANCELED", {
          message: `No acknowledgement from the client for ${Math.round(this.timeoutMs / 1000)} s; the result stream was dropped.`,
        }, { sqlState: "HY008" });
      }
    }
    if (this.signal.aborted) throw abortReason(this.signal);
    return this.sent++;
  }
}

/** The error an aborted signal carries: its SparkException reason, else OPERATION_CANCELED. */
export function abortReason(signal: AbortSignal): SparkException {
  const r: unknown = signal.reason;
  return r instanceof SparkException ? r : operationCanceled();
}
