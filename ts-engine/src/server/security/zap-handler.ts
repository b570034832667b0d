import { Reply, type Context } from "zeromq";
import type { Logger } from "../request-context.js";
import { LogThrottle } from "../log-throttle.js";
import { z85Encode } from "./z85.js";

/** Where libzmq asks for authentication decisions (ZeroMQ RFC 27, ZAP). */
export const ZAP_ENDPOINT = "inproc://zeromq.zap.01";

/**
 * The ZAP handler of a CURVE server: libzmq hands it each connecting client's long-term public
 * key after the CURVE handshake proved the client holds the matching secret, and admits the
 * connection only on a 200 reply. Keys not in the allow-list get 400, so the client's libzmq
 * reports an authentication failure instead of retrying silently. It must be bound in the same
 * context as the server socket and before that socket accepts anything: with no handler bound,
 * libzmq admits every CURVE client.
 */
export class ZapHandler {
  private readonly socket: Reply;
  private loop: Promise<void> | undefined;
  private readonly refusals: LogThrottle;
  /** Connections refused so far (for tests and diagnostics). */
  refused = 0;

  constructor(
    context: Context,
    private readonly allowed: ReadonlySet<string>,
    private readonly log: Logger,
  ) {
    this.socket = new Reply({ context, linger: 0 });
    this.refusals = new LogThrottle(log);
  }

  /** Binds the ZAP endpoint and starts answering. */
  async start(): Promise<void> {
    await this.socket.bind(ZAP_ENDPOINT);
    this.loop = this.serve();
  }

  private async serve(): Promise<void> {
    try {
      for await (const frames of this.socket) {
        await this.socket.send(this.decide(frames));
      }
    } catch (e) {
      if (!this.socket.closed) this.log(`ZAP handler stopped: ${String(e)}`);
    }
  }

  /** One ZAP reply: version, request id, status code, status text, user id, metadata. */
  private decide(frames: readonly Buffer[]): (string | Buffer)[] {
    const [version, requestId, , address, , mechanism, credential] = frames;
    const reply = (code: string, text: string, user = ""): (string | Buffer)[] => ["1.0", requestId ?? Buffer.alloc(0), code, text, user, Buffer.alloc(0)];
    if (version?.toString() !== "1.0") return reply("500", "unsupported ZAP version");
    if (mechanism?.toString() !== "CURVE" || credential?.length !== 32) {
      // a NULL or PLAIN client never gets this far on a CURVE socket; refuse anything else outright
      this.refused++;
      this.refusals.write(`refused a ${mechanism?.toString() ?? "?"} connection from ${address?.toString() ?? "?"}: this engine admits CURVE clients only`);
      return reply("400", "CURVE required");
    }
    const key = z85Encode(credential);
    if (this.allowed.has(key)) return reply("200", "OK", key);
    this.refused++;
    this.refusals.write(`refused a CURVE client from ${address?.toString() ?? "?"}: public key ${key} is not in the allow-list`);
    return reply("400", "client key not allowed");
  }

  /** Unbinds the handler. */
  async close(): Promise<void> {
    this.socket.close();
    await this.loop?.catch(() => undefined);
  }
}
