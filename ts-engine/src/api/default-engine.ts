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
import { catalogOp } from "../engine/catalog-api.js";
import { writeTable } from "../engine/dataframe-table-write.js";
import { checkpointQuery } from "../engine/checkpoint-query.js";
import type { QueryEnginePort } from "./query-engine-port.js";

/** The in-process engine: engine/query-engine.ts's entry points and engine services. */
export const defaultEngine: QueryEnginePort = {
  executeQuery,
  analyzeSchema,
  showQuery,
  treeStringQuery,
  explainQuery,
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
  checkpointQuery,
  createServices: createEngineServices,
};
