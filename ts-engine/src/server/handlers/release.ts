import type { ReleaseRequest } from "../protocol/messages.js";
import { doneReply } from "../protocol/replies.js";
import type { RequestContext } from "../request-context.js";
import type { Session } from "../sessions.js";

/** Drops the session (cancelling what it still runs). */
export async function handleRelease(req: ReleaseRequest, session: Session, rc: RequestContext): Promise<void> {
  rc.state.sessions.release(session.id);
  rc.state.log(`session ${session.id} released`);
  await rc.send(doneReply(req.id));
}
