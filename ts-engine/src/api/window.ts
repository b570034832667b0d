import type { ParsedExpr as Expr, ParsedSortOrder as SortOrder } from "../expr/parsed-expr.js";
import { CURRENT_ROW, offsetBoundary, UNBOUNDED_FOLLOWING, UNBOUNDED_PRECEDING, type FrameBoundary, type WindowFrame } from "../expr/window-frame.js";
import type { WindowSpecData } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { PySparkTypeError } from "./errors.js";

const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;
// PySpark treats offsets at or past ±sys.maxsize (2^63 - 1) as unbounded
const PRECEDING_THRESHOLD = -(2n ** 63n - 1n);
const FOLLOWING_THRESHOLD = 2n ** 63n - 1n;

function flat(cols: readonly (ColumnOrName | readonly ColumnOrName[])[]): ColumnOrName[] {
  return cols.length === 1 && Array.isArray(cols[0]) ? [...(cols[0] as readonly ColumnOrName[])] : (cols as ColumnOrName[]);
}

function boundary(v: number | bigint, arg: string): FrameBoundary {
  if (typeof v !== "bigint" && !Number.isInteger(v)) throw new PySparkTypeError("NOT_INT", { arg_name: arg, arg_type: typeof v });
  const b = BigInt(v);
  if (b <= PRECEDING_THRESHOLD) return UNBOUNDED_PRECEDING;
  if (b >= FOLLOWING_THRESHOLD) return UNBOUNDED_FOLLOWING;
  return b === 0n ? CURRENT_ROW : offsetBoundary(Number(b));
}

/** A window's partitioning, ordering and frame (PySpark's WindowSpec); immutable, each method returns a new spec. */
export class WindowSpec implements WindowSpecData {
  constructor(
    readonly partitionSpec: readonly Expr[] = [],
    readonly orderSpec: readonly SortOrder[] = [],
    readonly frame?: WindowFrame,
  ) {}

  /** The same spec partitioned by `cols` (names or Columns, or one array of them). */
  partitionBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): WindowSpec {
    return new WindowSpec(
      flat(cols).map((c) => toColumn(c).expr),
      this.orderSpec,
      this.frame,
    );
  }

  /** The same spec ordered by `cols` (names, Columns or sort orders; ascending nulls first unless given). */
  orderBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): WindowSpec {
    const orders = flat(cols).map((c): SortOrder => {
      const e = toColumn(c).expr;
      return e.kind === "SortOrder" ? e : { kind: "SortOrder", child: e, ascending: true, nullsFirst: true };
    });
    return new WindowSpec(this.partitionSpec, orders, this.frame);
  }

  /** A ROWS frame from `start` to `end` rows relative to the current row (Window.unboundedPreceding … for unbounded ends). */
  rowsBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, { type: "rows", lower: boundary(start, "start"), upper: boundary(end, "end") });
  }

  /** A RANGE frame: the rows whose order key lies within the current row's key + `start` … + `end`. */
  rangeBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec(this.partitionSpec, this.orderSpec, { type: "range", lower: boundary(start, "start"), upper: boundary(end, "end") });
  }
}

/** Builds WindowSpecs, as PySpark's Window: `Window.partitionBy("k").orderBy("v").rowsBetween(-1, 1)`. */
export class Window {
  /** Java's Long.MinValue: an unbounded lower end. */
  static readonly unboundedPreceding: bigint = MIN_LONG;
  /** Java's Long.MaxValue: an unbounded upper end. */
  static readonly unboundedFollowing: bigint = MAX_LONG;
  /** The current row. */
  static readonly currentRow = 0;

  /** A spec partitioned by `cols`. */
  static partitionBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): WindowSpec {
    return new WindowSpec().partitionBy(...cols);
  }
  /** A spec ordered by `cols`. */
  static orderBy(...cols: (ColumnOrName | readonly ColumnOrName[])[]): WindowSpec {
    return new WindowSpec().orderBy(...cols);
  }
  /** A spec with a ROWS frame. */
  static rowsBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec().rowsBetween(start, end);
  }
  /** A spec with a RANGE frame. */
  static rangeBetween(start: number | bigint, end: number | bigint): WindowSpec {
    return new WindowSpec().rangeBetween(start, end);
  }
}
