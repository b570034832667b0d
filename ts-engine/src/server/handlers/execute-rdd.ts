import { InvalidPlanInput } from "../../errors/spark-exception.js";
import type { ExecuteRddRequest } from "../protocol/messages.js";
import { encodeMsgpack } from "../protocol/msgpack-writer.js";
import { doneReply } from "../protocol/replies.js";
import type { RequestContext } from "../request-context.js";
import { runRequest, untilAborted } from "../running.js";
import type { Session } from "../sessions.js";

/**
 * Runs an RDD plan: one `rddBatch` per pickled blob, same flow control as execute, then
 * `accumulatorUpdates` (when tasks added to accumulators) and `done`. Action `numPartitions` runs nothing and answers `done{numRows: partitions}`.
 */
export async function handleExecuteRdd(req: ExecuteRddRequest, session: Session, rc: RequestContext): Promise<void> {
  await runRequest(req.id, session, rc, async ({ ctx, window, signal }) => {
    if (req.action === "numPartitions") {
      const count = rc.state.engine.rddNumPartitions;
      if (count === undefined) throw new InvalidPlanInput("message.action: this engine plans no RDD partitions");
      await rc.send(doneReply(req.id, await count(req.rdd, ctx)));
      return;
    }
    if (req.action === "unpersist") {
      rc.state.engine.rddUnpersist?.(req.rdd);
      await rc.send(doneReply(req.id));
      return;
    }
    if (req.action !== "collect") throw new InvalidPlanInput(`message.action: unknown RDD action ${JSON.stringify(req.action)}`);
    const updates: Uint8Array[] = [];
    for await (const blob of untilAborted(rc.state.engine.runRdd(req.rdd, ctx, (b) => updates.push(b)), signal)) {
      const seq = await window.acquire();
      await rc.sendEncoded(encodeMsgpack({ kind: "rddBatch", id: req.id, seq, blob }));
    }
    // Only once the job has succeeded: the client merges each task's updates exactly once.
    if (updates.length > 0) await rc.sendEncoded(encodeMsgpack({ kind: "accumulatorUpdates", id: req.id, blobs: updates }));
    await rc.send(doneReply(req.id));
  });
}
