import type { StructType } from "../../types/data-type.js";
import { ARROW_CHUNK_ROWS, ARROW_TARGET_CHUNK_BYTES, Chunker, chunkRows } from "../chunker.js";
import { encodeBatchMessage, type BatchSegment } from "../protocol/encode-batch.js";
import { decodePlan } from "../protocol/decode-plan.js";
import type { ExecuteRequest, ResultFormat } from "../protocol/messages.js";
import { encodeMsgpack } from "../protocol/msgpack-writer.js";
import { doneReply, schemaReply } from "../protocol/replies.js";
import type { RequestContext } from "../request-context.js";
import { runRequest, untilAborted } from "../running.js";
import type { Session } from "../sessions.js";

type ChunkEncoder = (id: string, seq: number, schema: StructType, chunk: readonly BatchSegment[]) => Uint8Array;

/** The chunk encoder of a format; apache-arrow is loaded only when a client asks for Arrow (faster cold start). */
async function chunkEncoder(format: ResultFormat): Promise<ChunkEncoder> {
  if (format === "rows") return (id, seq, _schema, chunk) => encodeBatchMessage(id, seq, chunk);
  const { encodeArrowIpc } = await import("../protocol/encode-arrow.js");
  return (id, seq, schema, chunk) => encodeMsgpack({ kind: "arrowBatch", id, seq, numRows: chunkRows(chunk), ipc: encodeArrowIpc(schema, chunk) });
}

/**
 * Runs a DataFrame plan: `schema`, then result chunks (`batch` rows, or `arrowBatch` IPC)
 * with at most 4 unacknowledged, then `done{numRows}`. Chunks are encoded straight from
 * the engine's column vectors.
 */
export async function handleExecute(req: ExecuteRequest, session: Session, rc: RequestContext): Promise<void> {
  await runRequest(req.id, session, rc, async ({ ctx, window, signal }) => {
    const plan = decodePlan(req.plan);
    const iterate = req.localIterator;
    const result = await rc.state.engine.executeQuery(plan, ctx, iterate === undefined ? {} : { partitionsAtOnce: iterate.prefetchPartitions ? 2 : 1 });
    await rc.send(schemaReply(req.id, result.schema));
    const encodeChunk = await chunkEncoder(req.format);
    const chunker = req.format === "arrow" ? new Chunker(ARROW_CHUNK_ROWS, ARROW_TARGET_CHUNK_BYTES) : new Chunker();
    let total = 0;
    const sendChunk = async (chunk: readonly BatchSegment[]): Promise<void> => {
      const seq = await window.acquire();
      const rows = chunkRows(chunk);
      const bytes = encodeChunk(req.id, seq, result.schema, chunk);
      chunker.observe(rows, bytes.length);
      total += rows;
      await rc.sendEncoded(bytes);
    };
    for await (const batch of untilAborted(result.batches, signal)) {
      for (const chunk of chunker.push(batch)) await sendChunk(chunk);
    }
    const last = chunker.flush();
    if (last !== undefined) await sendChunk(last);
    await rc.send(doneReply(req.id, total));
  });
}
