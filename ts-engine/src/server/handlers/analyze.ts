import { InvalidPlanInput } from "../../errors/spark-exception.js";
import type { ExplainMode } from "../engine-port.js";
import { decodePlan } from "../protocol/decode-plan.js";
import { decodeTableWrite } from "../protocol/decode-table-write.js";
import { encodeStructType } from "../protocol/encode-type.js";
import type { AnalyzeRequest } from "../protocol/messages.js";
import type { RequestContext } from "../request-context.js";
import { runRequest } from "../running.js";
import type { Session } from "../sessions.js";

const MODES: readonly ExplainMode[] = ["simple", "extended", "formatted", "cost", "codegen"];

function explainMode(mode: string): ExplainMode {
  const m = MODES.find((x) => x === mode);
  if (m === undefined) throw new InvalidPlanInput(`unknown explain mode ${JSON.stringify(mode)}`);
  return m;
}

/** An optional engine method, or InvalidPlanInput on an engine without it. */
function supported<F>(f: F | undefined, method: string): F {
  if (f === undefined) throw new InvalidPlanInput(`this engine does not answer ${method}`);
  return f;
}

/**
 * schema / printSchema text / explain text / show() text of a plan, or its caching
 * (persist, unpersist, storageLevel, as Spark Connect's AnalyzePlan does), as one `analyzeResult`.
 */
export async function handleAnalyze(req: AnalyzeRequest, session: Session, rc: RequestContext): Promise<void> {
  await runRequest(req.id, session, rc, async ({ ctx }) => {
    const engine = rc.state.engine;
    const decoded = decodePlan(req.plan);
    // listing files and inferring schemas reads the disk: done here, before the sync analysis
    const plan = engine.resolveSources === undefined ? decoded : await engine.resolveSources(decoded, ctx);
    switch (req.method) {
      case "schema":
        return rc.send({ kind: "analyzeResult", id: req.id, schema: encodeStructType(engine.analyzeSchema(plan, ctx)) });
      case "treeString":
        return rc.send({ kind: "analyzeResult", id: req.id, text: engine.treeStringQuery(plan, ctx) });
      case "explain":
        return rc.send({ kind: "analyzeResult", id: req.id, text: engine.explainQuery(plan, explainMode(req.mode), ctx) });
      case "showString": {
        const text = await engine.showQuery(plan, req.numRows, req.truncate, req.vertical, ctx);
        return rc.send({ kind: "analyzeResult", id: req.id, text });
      }
      case "persist":
        engine.persistQuery(plan, req.storageLevel, ctx);
        return rc.send({ kind: "analyzeResult", id: req.id, storageLevel: { ...engine.storageLevelQuery(plan, ctx) } });
      case "unpersist": {
        const freed = engine.unpersistQuery(plan, ctx);
        if (req.blocking) await freed;
        else freed.catch(() => undefined);
        return rc.send({ kind: "analyzeResult", id: req.id });
      }
      case "storageLevel":
        return rc.send({ kind: "analyzeResult", id: req.id, storageLevel: { ...engine.storageLevelQuery(plan, ctx) } });
      case "sql": {
        // spark.sql: a query is checked and stays lazy (no rows); a command runs now and sends its rows.
        if (plan.kind !== "Sql") throw new InvalidPlanInput("analyze sql needs a Sql relation");
        const out = await engine.runSql(plan, ctx);
        if (out.kind === "query") return rc.send({ kind: "analyzeResult", id: req.id });
        return rc.send({ kind: "analyzeResult", id: req.id, schema: encodeStructType(out.schema), rows: out.rows });
      }
      case "numPartitions": {
        if (engine.numPartitionsQuery === undefined) throw new InvalidPlanInput("this engine does not count result partitions");
        return rc.send({ kind: "analyzeResult", id: req.id, numPartitions: await engine.numPartitionsQuery(plan, ctx) });
      }
      case "createView":
        if (req.viewName === "") throw new InvalidPlanInput("analyze createView needs a viewName");
        engine.createTempView(req.viewName, plan, { global: req.global, replace: req.replace }, ctx);
        return rc.send({ kind: "analyzeResult", id: req.id });
      case "writeTable":
        // df.write.saveAsTable / insertInto and df.writeTo(t): runs the write, replies once it is committed
        await engine.writeTable(plan, decodeTableWrite(req.write, "root.write"), ctx);
        return rc.send({ kind: "analyzeResult", id: req.id });
      case "semanticHash":
        return rc.send({ kind: "analyzeResult", id: req.id, hash: supported(engine.semanticHashQuery, "semanticHash")(plan, ctx) });
      case "sameSemantics": {
        if (req.other === undefined) throw new InvalidPlanInput("analyze sameSemantics needs the other plan");
        const decodedOther = decodePlan(req.other);
        const other = engine.resolveSources === undefined ? decodedOther : await engine.resolveSources(decodedOther, ctx);
        return rc.send({ kind: "analyzeResult", id: req.id, same: supported(engine.sameSemanticsQuery, "sameSemantics")(plan, other, ctx) });
      }
      case "inputFiles":
        return rc.send({ kind: "analyzeResult", id: req.id, files: supported(engine.inputFilesQuery, "inputFiles")(plan, ctx) });
      case "isLocal":
        return rc.send({ kind: "analyzeResult", id: req.id, isLocal: supported(engine.isLocalQuery, "isLocal")(plan, ctx) });
      case "observation": {
        // Observation.get: the metrics of the first action that ran the observed plan, none before
        if (req.observationId === undefined) throw new InvalidPlanInput("analyze observation needs an observationId");
        const m = session.observations.get(req.observationId);
        if (m === undefined) return rc.send({ kind: "analyzeResult", id: req.id });
        return rc.send({ kind: "analyzeResult", id: req.id, schema: encodeStructType(m.schema), rows: [m.values] });
      }
      case "foreach": {
        // df.foreach / foreachPartition: runs now; the successful tasks' accumulator updates come back once
        if (req.func === undefined) throw new InvalidPlanInput("analyze foreach needs a func");
        const updates: Uint8Array[] = [];
        await supported(engine.foreachQuery, "foreach")(plan, req.func, req.perRow, ctx, (b) => updates.push(b));
        return rc.send({ kind: "analyzeResult", id: req.id, accumulators: updates });
      }
      case "checkpoint": {
        const r = await supported(engine.checkpointQuery, "checkpoint")(plan, req.eager, ctx);
        return rc.send({ kind: "analyzeResult", id: req.id, checkpointId: r.checkpointId, schema: encodeStructType(r.schema) });
      }
    }
  });
}
