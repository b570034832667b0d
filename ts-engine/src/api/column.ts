import type { ParsedCaseWhen as CaseWhen, ParsedExpr as Expr, ParsedSortOrder as SortOrder } from "../expr/parsed-expr.js";
import { exprPrettySql } from "../expr/expr-string.js";
import type { WindowFrame } from "../expr/window-frame.js";
import type { DataType, FieldMetadata } from "../types/data-type.js";
import { parseDataType } from "../types/ddl.js";
import { simpleString } from "../types/type-names.js";
import { PySparkNotImplementedError, PySparkTypeError } from "./errors.js";
import { literalOf, type LiteralValue } from "./literal.js";

/** What `over` reads of a WindowSpec (api/window.ts): its partition keys, sort keys and frame. */
export interface WindowSpecData {
  readonly partitionSpec: readonly Expr[];
  readonly orderSpec: readonly SortOrder[];
  readonly frame?: WindowFrame;
}

/** An operand of a Column operator: another Column or a plain value (made a literal). */
export type ColumnOrValue = Column | LiteralValue;

/**
 * A column expression, as PySpark's `Column`: it only wraps an unresolved `ParsedExpr`
 * (the same form the wire decoder produces) and builds new ones. Python's operators
 * become methods with Scala's names: `plus minus multiply divide mod eq neq lt leq gt geq
 * and or not`.
 */
export class Column {
  /** The unresolved expression this column stands for. */
  readonly expr: Expr;

  constructor(expr: Expr) {
    this.expr = expr;
  }

  /** `self + other`. */
  plus(other: ColumnOrValue): Column {
    return this.binary("+", other);
  }
  /** `self - other`. */
  minus(other: ColumnOrValue): Column {
    return this.binary("-", other);
  }
  /** `self * other`. */
  multiply(other: ColumnOrValue): Column {
    return this.binary("*", other);
  }
  /** `self / other` (always fractional, as Spark's `/`). */
  divide(other: ColumnOrValue): Column {
    return this.binary("/", other);
  }
  /** `self % other`. */
  mod(other: ColumnOrValue): Column {
    return this.binary("%", other);
  }
  /** `-self`. */
  negate(): Column {
    return call("negative", [this.expr]);
  }
  /** `self == other`. */
  eq(other: ColumnOrValue): Column {
    return this.binary("==", other);
  }
  /** `self != other`: as PySpark, `NOT (self = other)`. */
  neq(other: ColumnOrValue): Column {
    return call("not", [this.binary("==", other).expr]);
  }
  /** Null-safe equality `self <=> other`. */
  eqNullSafe(other: ColumnOrValue): Column {
    return this.binary("<=>", other);
  }
  /** `self < other`. */
  lt(other: ColumnOrValue): Column {
    return this.binary("<", other);
  }
  /** `self <= other`. */
  leq(other: ColumnOrValue): Column {
    return this.binary("<=", other);
  }
  /** `self > other`. */
  gt(other: ColumnOrValue): Column {
    return this.binary(">", other);
  }
  /** `self >= other`. */
  geq(other: ColumnOrValue): Column {
    return this.binary(">=", other);
  }
  /** `self & other` (SQL three-valued AND). */
  and(other: ColumnOrValue): Column {
    return this.binary("and", other);
  }
  /** `self | other` (SQL three-valued OR). */
  or(other: ColumnOrValue): Column {
    return this.binary("or", other);
  }
  /** `~self`. */
  not(): Column {
    return call("not", [this.expr]);
  }
  /** True where the value is null. */
  isNull(): Column {
    return call("isnull", [this.expr]);
  }
  /** True where the value is not null. */
  isNotNull(): Column {
    return call("isnotnull", [this.expr]);
  }
  /** `self IN (values…)`; accepts values or one array of values, as PySpark. */
  isin(...values: (ColumnOrValue | readonly ColumnOrValue[])[]): Column {
    const flat = values.length === 1 && Array.isArray(values[0]) ? (values[0] as readonly ColumnOrValue[]) : (values as ColumnOrValue[]);
    return call("in", [this.expr, ...flat.map(toExpr)]);
  }
  /** `lower <= self AND self <= upper`, as PySpark builds it. */
  between(lower: ColumnOrValue, upper: ColumnOrValue): Column {
    return this.geq(lower).and(this.leq(upper));
  }
  /** Names the column (`AS name`); several names name a generator's columns (`explode(m).alias("k", "v")`, Spark's MultiAlias). */
  alias(name: string, ...more: string[]): Column;
  /** `alias(name, { metadata })`: the column named, with this field metadata (PySpark's `alias(name, metadata=…)`). */
  alias(name: string, options: { readonly metadata: FieldMetadata }): Column;
  alias(name: string, ...more: (string | { readonly metadata: FieldMetadata })[]): Column {
    const [first] = more;
    if (first !== undefined && typeof first === "object") return new Column({ kind: "Alias", child: this.expr, name, metadata: first.metadata });
    const names = more.filter((m): m is string => typeof m === "string");
    if (names.length === 0) return new Column({ kind: "Alias", child: this.expr, name });
    return new Column({ kind: "Alias", child: this.expr, name, names: [name, ...names] });
  }
  /** This window function or aggregate evaluated over `window` (a WindowSpec: `Window.partitionBy("k").orderBy("v")`). */
  over(window: WindowSpecData): Column {
    // a JS caller may pass anything: PySpark's NOT_WINDOWSPEC then
    if (typeof window !== "object" || window === null || !Array.isArray(window.partitionSpec)) {
      throw new PySparkTypeError("NOT_WINDOWSPEC", { arg_name: "window", arg_type: window === null ? "null" : typeof window });
    }
    const frame = window.frame;
    return new Column({
      kind: "Window",
      windowFunction: this.expr,
      partitionSpec: window.partitionSpec,
      orderSpec: window.orderSpec,
      ...(frame === undefined ? {} : { frame }),
    });
  }
  /** Inside a DataFrame subquery (`df.scalar()`, `df.exists()`), this column of the enclosing query (PySpark 4.0's Column.outer). */
  outer(): Column {
    return new Column({ kind: "OuterReference", child: this.expr });
  }
  /** Same as `alias`. */
  name(name: string): Column {
    return this.alias(name);
  }
  /** Same as `alias` (Scala's `as`). */
  as(name: string): Column {
    return this.alias(name);
  }
  /** Casts to a type given as a DataType or a type string (`"int"`, `"decimal(10,2)"`). */
  cast(dataType: DataType | string): Column {
    const t = typeof dataType === "string" ? parseDataType(dataType) : dataType;
    return new Column({ kind: "Cast", child: this.expr, dataType: t });
  }
  /** Same as `cast`. */
  astype(dataType: DataType | string): Column {
    return this.cast(dataType);
  }
  /** Ascending sort, nulls first (Spark's default). */
  asc(): Column {
    return this.sort(true, true);
  }
  /** Ascending sort, nulls first. */
  asc_nulls_first(): Column {
    return this.sort(true, true);
  }
  /** Ascending sort, nulls last. */
  asc_nulls_last(): Column {
    return this.sort(true, false);
  }
  /** Descending sort, nulls last (Spark's default). */
  desc(): Column {
    return this.sort(false, false);
  }
  /** Descending sort, nulls first. */
  desc_nulls_first(): Column {
    return this.sort(false, true);
  }
  /** Descending sort, nulls last. */
  desc_nulls_last(): Column {
    return this.sort(false, false);
  }
  /** SQL LIKE with `%` and `_` wildcards. */
  like(pattern: string): Column {
    return call("like", [this.expr, literalOf(pattern)]);
  }
  /** Case-insensitive LIKE. */
  ilike(pattern: string): Column {
    return call("ilike", [this.expr, literalOf(pattern)]);
  }
  /** True where some substring matches the Java regular expression. */
  rlike(pattern: string): Column {
    return call("rlike", [this.expr, literalOf(pattern)]);
  }
  /** True where `other` occurs in the string. */
  contains(other: ColumnOrValue): Column {
    return this.binary("contains", other);
  }
  /** True where the string starts with `other`. */
  startswith(other: ColumnOrValue): Column {
    return this.binary("startswith", other);
  }
  /** True where the string ends with `other`. */
  endswith(other: ColumnOrValue): Column {
    return this.binary("endswith", other);
  }
  /** Bitwise AND of integral values. */
  bitwiseAND(other: ColumnOrValue): Column {
    return this.binary("&", other);
  }
  /** Bitwise OR of integral values. */
  bitwiseOR(other: ColumnOrValue): Column {
    return this.binary("|", other);
  }
  /** Bitwise exclusive OR of integral values. */
  bitwiseXOR(other: ColumnOrValue): Column {
    return this.binary("^", other);
  }
  /** True where the value is NaN. */
  isNaN(): Column {
    return call("isnan", [this.expr]);
  }
  /** Casts like `cast`, giving null where the value does not convert. */
  try_cast(dataType: DataType | string): Column {
    const t = typeof dataType === "string" ? parseDataType(dataType) : dataType;
    return call("try_cast", [this.expr, literalOf(simpleString(t))]);
  }
  /** `length` characters from 1-based position `startPos` (Columns or numbers, as PySpark). */
  substr(startPos: ColumnOrValue, length: ColumnOrValue): Column {
    return call("substr", [this.expr, toExpr(startPos), toExpr(length)]);
  }
  /** Adds a branch to a column built by `functions.when`. */
  when(condition: Column, value: ColumnOrValue): Column {
    const cw = this.openCaseWhen();
    return new Column({ ...cw, branches: [...cw.branches, [condition.expr, toExpr(value)]] });
  }
  /** The value where no `when` branch matched (null without it). */
  otherwise(value: ColumnOrValue): Column {
    const cw = this.openCaseWhen();
    return new Column({ ...cw, elseValue: toExpr(value) });
  }

  /** Array element (0-based) or map value: Python's `self[key]`. */
  getItem(key: ColumnOrValue): Column {
    return call("get_item", [this.expr, toExpr(key)]);
  }
  /** Struct field by name (for an array of structs, each element's field). */
  getField(name: string): Column {
    return call("get_field", [this.expr, literalOf(name)]);
  }
  /** The struct with field `fieldName` (a dotted path reaches nested structs) set to `col`. */
  withField(fieldName: string, col: Column): Column {
    return call("update_fields", [this.expr, literalOf("set"), literalOf(fieldName), col.expr]);
  }
  /** The struct without the named fields. */
  dropFields(...fieldNames: string[]): Column {
    return call("update_fields", [this.expr, ...fieldNames.flatMap((n) => [literalOf("drop"), literalOf(n)])]);
  }

  /** A repr as Spark Connect's PySpark prints it: `Column<'(a + 1)'>`, `Column<'a AS b'>`. */
  toString(): string {
    const e = this.expr;
    const sql = e.kind === "Alias" ? `${exprPrettySql(e.child)} AS ${e.name}` : exprPrettySql(e);
    return `Column<'${sql}'>`;
  }

  private binary(op: string, other: ColumnOrValue): Column {
    return call(op, [this.expr, toExpr(other)]);
  }

  private sort(ascending: boolean, nullsFirst: boolean): Column {
    const child = this.expr.kind === "SortOrder" ? this.expr.child : this.expr;
    const order: SortOrder = { kind: "SortOrder", child, ascending, nullsFirst };
    return new Column(order);
  }

  private openCaseWhen(): CaseWhen {
    if (this.expr.kind !== "CaseWhen" || this.expr.elseValue !== undefined) {
      throw new PySparkTypeError("INVALID_WHEN_USAGE");
    }
    return this.expr;
  }
}

/** A call of a Spark function by name, as the wire's UnresolvedFunction. */
export function call(name: string, args: readonly Expr[], isDistinct = false): Column {
  return new Column({ kind: "UnresolvedFunction", name, args, isDistinct });
}

/** The expression of an operand: a Column's own, or a literal of a plain value. */
export function toExpr(v: ColumnOrValue): Expr {
  return v instanceof Column ? v.expr : literalOf(v);
}
