import type { CatalogRequest } from "../protocol/messages.js";
import type { RequestContext } from "../request-context.js";
import { runRequest } from "../running.js";
import type { Session } from "../sessions.js";

/** `spark.catalog.<method>(...)`: one `catalogResult` whose `value` is the method's result (absent for None). */
export async function handleCatalog(req: CatalogRequest, session: Session, rc: RequestContext): Promise<void> {
  await runRequest(req.id, session, rc, async ({ ctx }) => {
    const value = await rc.state.engine.catalogOp(req.op, req.args, ctx);
    return rc.send(value === undefined ? { kind: "catalogResult", id: req.id } : { kind: "catalogResult", id: req.id, value });
  });
}
