/**
 * The validating factories of the resolved plan's nodes, one per file (as Kysely's
 * operation-node/). Rules build nodes only through them, so a rule that produces an invalid
 * node fails where it builds it, with an InternalError naming the node, not later in execution.
 */
export { aggregate } from "./aggregate.js";
export { batchEvalPython } from "./batch-eval-python.js";
export { filter } from "./filter.js";
export { generate } from "./generate.js";
export { join } from "./join.js";
export { limit } from "./limit.js";
export { localRelation } from "./local-relation.js";
export { project } from "./project.js";
export { range } from "./range.js";
export { sort } from "./sort.js";
export { union } from "./union.js";
export { inMemoryRelation } from "./in-memory-relation.js";
export { fileScan } from "./file-scan.js";
export { insertIntoFiles } from "./insert-into-files.js";
export { expand } from "./expand.js";
export { sample } from "./sample.js";
export { window } from "./window.js";
export { offset } from "./offset.js";
export { repartition } from "./repartition.js";
export { collectMetrics } from "./collect-metrics.js";
export { pythonCoGroup, pythonMapGroups } from "./python-map-groups.js";
export { pythonUdtf } from "./python-udtf.js";
