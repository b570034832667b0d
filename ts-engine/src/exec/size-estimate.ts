import type { AttributeRef } from "../expr/expr.js";
import { assertNever } from "../errors/assert-never.js";
import type { LogicalPlan } from "../plan/logical-plan.js";
import { outputOf } from "../plan/output.js";
import type { DataType } from "../types/data-type.js";

/** Spark's DataType.defaultSize: the bytes statistics assume per value of a type. */
export function defaultSize(t: DataType): number {
  switch (t.kind) {
    case "byte":
    case "boolean":
    case "null":
      return 1;
    case "short":
      return 2;
    case "integer":
    case "float":
    case "date":
    case "year_month_interval":
      return 4;
    case "long":
    case "double":
    case "timestamp":
    case "timestamp_ntz":
    case "day_time_interval":
      return 8;
    case "decimal":
      return t.precision <= 18 ? 8 : 16;
    case "calendar_interval":
      return 16;
    case "variant":
      return 32;
    case "string":
      return 20;
    case "binary":
      return 100;
    case "array":
      return defaultSize(t.elementType);
    case "map":
      return defaultSize(t.keyType) + defaultSize(t.valueType);
    case "struct":
      return t.fields.reduce((s, f) => s + defaultSize(f.dataType), 0);
    default:
      return assertNever(t);
  }
}

/** Spark's EstimationUtils.getSizePerRow: a generic 8-byte row overhead plus each column's default size. */
function rowSize(attrs: readonly AttributeRef[]): number {
  return 8 + attrs.reduce((s, a) => s + defaultSize(a.dataType), 0);
}

/** A unary node's size: its child's scaled by how much wider or narrower its rows are. */
function scaled(p: LogicalPlan, child: LogicalPlan): number {
  const c = estimatedSize(child);
  return Math.max(1, (c * rowSize(outputOf(p))) / rowSize(outputOf(child)));
}

/**
 * The estimated output size in bytes of a resolved plan, as Spark's size-only statistics
 * (SizeInBytesOnlyStatsPlanVisitor, no CBO) compute it; used to choose broadcast joins
 * against spark.sql.autoBroadcastJoinThreshold.
 */
export function estimatedSize(p: LogicalPlan): number {
  switch (p.kind) {
    case "Range": {
      const step = Number(p.step);
      const n = step === 0 ? 0 : Math.max(0, Math.ceil((Number(p.end) - Number(p.start)) / step));
      return 8 * n;
    }
    case "LocalRelation":
      return rowSize(outputOf(p)) * p.rows.length;
    case "InMemoryRelation":
      return p.sizeInBytes;
    case "FileScan": {
      // Spark's HadoopFsRelation.sizeInBytes: the files' bytes (scaled here to the columns read)
      const bytes = p.relation.index.files.reduce((s, f) => s + f.size, 0);
      return Math.ceil((bytes * rowSize(p.output)) / Math.max(1, rowSize(p.relationOutput)));
    }
    case "InsertIntoFiles":
      return 0;
    case "Aggregate":
      return p.groupBy.length === 0 ? rowSize(outputOf(p)) : scaled(p, p.input);
    case "Limit":
      return Math.min(estimatedSize(p.input), Math.max(1, p.n) * rowSize(outputOf(p)));
    case "Union":
      return p.inputs.reduce((s, i) => s + estimatedSize(i), 0);
    case "Join":
      if (p.joinType === "left_semi" || p.joinType === "left_anti") return estimatedSize(p.left);
      return estimatedSize(p.left) * estimatedSize(p.right);
    case "Repartition":
      return estimatedSize(p.input);
    case "Project":
    case "Filter":
    case "Sort":
    case "BatchEvalPython":
    case "Generate":
    case "Window":
    case "Offset":
    case "CollectMetrics":
    case "PythonMapGroups":
    case "PythonUDTF":
      return scaled(p, p.input);
    case "PythonCoGroup":
      return estimatedSize(p.left) + estimatedSize(p.right);
    case "Expand":
      // Spark's Expand statistics: the child's size once per projection
      return scaled(p, p.input) * p.projections.length;
    case "Sample":
      // Spark's Sample statistics: the child's size times the sampled fraction
      return Math.ceil(estimatedSize(p.input) * (p.upperBound - p.lowerBound));
    default:
      return assertNever(p);
  }
}
