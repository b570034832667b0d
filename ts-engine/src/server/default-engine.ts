import {
  analyzeSchema,
  executeQuery,
  explainQuery,
  persistQuery,
  resolveSources,
  showQuery,
  storageLevelQuery,
  treeStringQuery,
  unpersistQuery,
  numPartitionsQuery,
} from "../engine/query-engine.js";
import { inputFilesQuery, isLocalQuery, sameSemanticsQuery, semanticHashQuery } from "../engine/plan-semantics.js";
import { createEngineServices } from "../engine/services.js";
import { createTempView, runSql } from "../engine/sql-runner.js";
import { foreachQuery } from "../engine/foreach-query.js";
import { checkpointQuery } from "../engine/checkpoint-query.js";
import { catalogOp } from "../engine/catalog-api.js";
import { writeTable } from "../engine/dataframe-table-write.js";
import { createPythonRunner } from "../python/default-runner.js";
import { decodeRddPlan } from "../rdd/decode-rdd.js";
import { executeRdd, rddNumPartitions, unpersistRdd } from "../rdd/execute-rdd.js";
import type { ServerEngine } from "./engine-port.js";

/** The engine the CLI serves: engine/query-engine.ts for DataFrames, rdd/ for RDDs. */
export const defaultServerEngine: ServerEngine = {
  executeQuery,
  analyzeSchema,
  explainQuery,
  showQuery,
  treeStringQuery,
  persistQuery,
  unpersistQuery,
  storageLevelQuery,
  resolveSources,
  runSql,
  createTempView,
  catalogOp,
  writeTable,
  numPartitionsQuery,
  semanticHashQuery,
  sameSemanticsQuery,
  inputFilesQuery,
  isLocalQuery,
  foreachQuery,
  checkpointQuery,
  runRdd: (raw, ctx, onAccumulators) => executeRdd(decodeRddPlan(raw), ctx, onAccumulators),
  rddNumPartitions: (raw) => rddNumPartitions(decodeRddPlan(raw)),
  rddUnpersist: (raw) => unpersistRdd(decodeRddPlan(raw)),
  createServices: () => {
    const services = createEngineServices();
    return { ...services, python: services.python ?? createPythonRunner() };
  },
};
