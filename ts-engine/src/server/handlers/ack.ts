import type { AckRequest } from "../protocol/messages.js";
import type { Session } from "../sessions.js";

/** Flow control: credits the streaming request `id`; acks for finished requests are ignored. */
export function handleAck(req: AckRequest, session: Session): Promise<void> {
  session.running.get(req.id)?.ack(req.seq);
  return Promise.resolve();
}
