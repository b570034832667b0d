import type { PingRequest } from "../protocol/messages.js";
import { pongReply } from "../protocol/replies.js";
import type { RequestContext } from "../request-context.js";

/** Liveness: answered at once, even while the sender's queries run. */
export async function handlePing(req: PingRequest, rc: RequestContext): Promise<void> {
  await rc.send(pongReply(req.id));
}
