import { SparkException } from "../errors/spark-exception.js";
import { operationCanceled } from "./sessions.js";

/** Most result chunks a request may have unacknowledged (bridge/PROTOCOL.md, Flow control). */
export const MAX_UNACKED = 4;

/**
 * How long a stream waits for the client to acknowledge before giving up: the last backstop,
 * after the closed connection and the silence checks, against a client that pins its query.
 */
export const ACK_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * How long a stream waiting for acks tolerates total silence from its client (not even the
 * keepalive pings the Python client sends every 2 s while a stream is open): past it the client is
 * taken for gone (killed, or its host unreachable) and the stream is cancelled, so its query's
 * memory is freed within seconds instead of after ACK_TIMEOUT_MS. This is the backstop for a
 * client whose host became unreachable: a client whose connection closed (killed) is noticed
 * after DISCONNECT_GRACE_MS (zmq-server.ts), and one on this host sooner still, by its pid.
 */
export const STREAM_SILENCE_MS = 10_000;

/** How often a waiting stream checks its client's silence. */
const SILENCE_CHECK_MS = 1000;

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
    /** Milliseconds since the client last sent anything (undefined: not tracked). */
    private readonly clientSilentMs: () => number | undefined = () => undefined,
    private readonly silenceLimitMs = STREAM_SILENCE_MS,
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
    const started = Date.now();
    while (this.inFlight() >= this.limit) {
      if (this.signal.aborted) throw abortReason(this.signal);
      const silent = this.clientSilentMs();
      if (silent !== undefined && silent > this.silenceLimitMs) {
        throw new SparkException("SparkException", "OPERATION_CANCELED", {
          message: `The client sent nothing for ${Math.round(silent / 1000)} s while a result stream waited for it; the stream was dropped.`,
        }, { sqlState: "HY008" });
      }
      const waitMs = Math.min(SILENCE_CHECK_MS, this.timeoutMs - (Date.now() - started));
      if (waitMs <= 0) {
        throw new SparkException("SparkException", "OPERATION_CANCELED", {
          message: `No acknowledgement from the client for ${Math.round(this.timeoutMs / 1000)} s; the result stream was dropped.`,
        }, { sqlState: "HY008" });
      }
      await new Promise<boolean>((resolve) => {
        const onAbort = (): void => done(false);
        const timer = setTimeout(() => done(true), waitMs);
        const done = (t: boolean): void => {
          clearTimeout(timer);
          this.signal.removeEventListener("abort", onAbort);
          this.waiter = undefined;
          resolve(t);
        };
        this.signal.addEventListener("abort", onAbort, { once: true });
        this.waiter = () => done(false);
      });
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
