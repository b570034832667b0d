import type { InterruptRequest } from "../protocol/messages.js";
import { doneReply } from "../protocol/replies.js";
import type { RequestContext } from "../request-context.js";
import { operationCanceled, type Session } from "../sessions.js";

/** Cancels request `targetId` of this session; the target ends with OPERATION_CANCELED. */
export async function handleInterrupt(req: InterruptRequest, session: Session, rc: RequestContext): Promise<void> {
  session.running.get(req.targetId)?.controller.abort(operationCanceled());
  await rc.send(doneReply(req.id));
}
