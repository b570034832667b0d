/**
 * Import rules for ts-engine/src, checked by `npm run lint:deps` (part of `npm test`).
 *
 * The engine is layered as shared/DESIGN.md draws it: data flows API/plan → analyze →
 * optimize → physical plan → execute, and imports point the same way. LAYERS lists every
 * folder of src/, lowest first; a module may import its own layer and the layers before it,
 * never one after it. A helper lives in the lowest layer that uses it: when a lower layer
 * needs something from a higher one, move that thing down rather than import up.
 *
 * Why each folder sits where it does:
 * - errors, conf: Spark's exceptions and SQLConf; everything may raise or read them.
 * - types: Spark's data types and DDL parsing (raises ParseException).
 * - columnar: batches and vectors of those types.
 * - ml/linalg: Spark's ML vectors as the engine holds them in VectorUDT columns (show prints
 *   them, ML kernels compute on them), needing nothing above columnar.
 * - python: the processes that run user Python over columnar batches; exec, rdd and engine
 *   use it, and it needs nothing above columnar.
 * - expr: expression nodes, the function registry, kernels, and how expressions print
 *   (expr-string, literal-string: functions print their arguments).
 * - format: show()/printSchema() text, which renders values with expr's casts.
 * - io: data sources and sinks (file formats, file listing, splits, the atomic committer):
 *   they parse values with expr's casts and datetime patterns; plan nodes hold their plain data.
 * - plan: logical plan nodes and their factories, plan transforms and output.
 * - sql: SQL text → expressions, parsed plans and statements (hence above plan's nodes).
 * - plan/analyzer: resolves plans; parses selectExpr/filter strings and spark.sql queries with sql.
 * - catalog: the session catalog (temp views, global_temp), which the analyzer reads through
 *   its RelationLookup interface and which exec's context carries per session.
 * - optimizer: logical rewrites of resolved plans.
 * - exec: the physical plan, its operators, the planner, the scheduler and ExecContext.
 * - ml: the pyspark.ml stages (training over partitions on exec's worker pool, transforms
 *   as expressions); the engine runs them.
 * - rdd: RDD plans, run on exec's worker machinery.
 * - engine: QueryEngine, the façade that analyzes, optimizes, plans and runs a query.
 * - stream: Structured Streaming's micro-batch queries, run through engine batch by batch.
 * - server, api: the ZeroMQ server and the Node API, peers on top of engine; neither
 *   imports the other (a difference between them belongs below both).
 * - root: index.ts (the package's exports) and cli.ts.
 * - bench: the benchmark suite, which drives the public API like a user.
 *
 * Cycles are rejected everywhere, type-only imports included: a type cycle is still two
 * modules that cannot be understood or moved apart.
 */

/** @type {ReadonlyArray<{ name: string, path: string }>} lowest first */
const LAYERS = [
  { name: "errors", path: "^src/errors/" },
  { name: "conf", path: "^src/conf/" },
  { name: "types", path: "^src/types/" },
  { name: "columnar", path: "^src/columnar/" },
  { name: "ml/linalg", path: "^src/ml/linalg/" },
  { name: "python", path: "^src/python/" },
  { name: "expr", path: "^src/expr/" },
  { name: "format", path: "^src/format/" },
  { name: "io", path: "^src/io/" },
  { name: "plan", path: "^src/plan/(?!analyzer/)" },
  { name: "sql", path: "^src/sql/" },
  { name: "plan/analyzer", path: "^src/plan/analyzer/" },
  { name: "catalog", path: "^src/catalog/" },
  { name: "optimizer", path: "^src/optimizer/" },
  { name: "exec", path: "^src/exec/" },
  { name: "ml", path: "^src/ml/(?!linalg/)" },
  { name: "rdd", path: "^src/rdd/" },
  { name: "engine", path: "^src/engine/" },
  { name: "stream", path: "^src/stream/" },
  { name: "server", path: "^src/server/", peers: ["api"] },
  { name: "api", path: "^src/api/", peers: ["server"] },
  { name: "root", path: "^src/[^/]+$" },
  { name: "bench", path: "^src/bench/" },
];

/**
 * The one exception to "no cycles, type-only included": the Node API's public classes name
 * each other in their signatures, as PySpark's do (`SparkSession.createDataFrame` returns a
 * DataFrame, `DataFrame.sparkSession` is the SparkSession, `groupBy` returns GroupedData whose
 * `agg` returns a DataFrame, `SparkSession.builder` is a Builder whose `getOrCreate` returns the
 * session, `SparkSession.catalog` is a Catalog that runs on its session; dataframe-actions.ts is
 * DataFrame's actions, split out for size; `spark.read` is a DataFrameReader whose loads give
 * DataFrames, `df.write` a DataFrameWriter of one). Those references
 * are `import type` one way, so no module waits on another at load time; a runtime cycle
 * among them is still rejected.
 */
const PUBLIC_API_CLASSES = "^src/api/(spark-session|spark-session-builder|dataframe|dataframe-actions|dataframe-stat|dataframe-reader|dataframe-writer|dataframe-writer-v2|group|catalog)[.]ts$";

const layerPath = (name) => {
  const layer = LAYERS.find((l) => l.name === name);
  if (layer === undefined) throw new Error(`no layer ${name}`);
  return layer.path;
};

/** One rule per layer: nothing it may not import (every later layer that is not itself). */
const upward = LAYERS.flatMap((layer, i) => {
  const above = LAYERS.slice(i + 1).filter((l) => l.name !== layer.name);
  const peers = (layer.peers ?? []).map(layerPath);
  const forbidden = [...above.map((l) => l.path), ...peers];
  if (forbidden.length === 0) return [];
  return [
    {
      name: `layer-${layer.name.replace("/", "-")}`,
      comment: `${layer.name} may import only ${LAYERS.slice(0, i + 1).map((l) => l.name).join(", ")}` +
        " (see LAYERS in .dependency-cruiser.cjs); move the helper down instead of importing up",
      severity: "error",
      from: { path: layer.path },
      to: { path: forbidden },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "an import cycle (type-only imports count): break it by moving the shared part down",
      severity: "error",
      from: { path: "^src/", pathNot: PUBLIC_API_CLASSES },
      to: { circular: true },
    },
    {
      name: "no-circular-runtime",
      comment: "a cycle among the Node API's classes that is more than their type references",
      severity: "error",
      from: { path: PUBLIC_API_CLASSES },
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
    {
      name: "no-unplaced-folder",
      comment: "every folder of src/ has a place in LAYERS (.dependency-cruiser.cjs); add a new one there",
      severity: "error",
      from: { path: "^src/", pathNot: LAYERS.map((l) => l.path) },
      to: {},
    },
    {
      name: "not-to-unresolvable",
      comment: "an import that does not resolve to a file",
      severity: "error",
      from: { path: "^src/" },
      to: { couldNotResolve: true },
    },
    ...upward,
  ],
  options: {
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
