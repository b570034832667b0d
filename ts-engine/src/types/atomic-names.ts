import {
  DAY_TIME_FIELDS,
  YEAR_MONTH_FIELDS,
  type AtomicKind,
  type DayTimeIntervalType,
  type YearMonthIntervalType,
} from "./data-type.js";

/** How one atomic type is named across the project (one row per kind, so no list drifts). */
export interface AtomicNames {
  /** Spark's simpleString / DDL name (`bigint`, `void`). */
  readonly simple: string;
  /** PySpark's repr of the type object (`LongType()`). */
  readonly py: string;
}

/** Names of every atomic type; a new kind fails to compile until it has its row. */
export const ATOMIC_NAMES: Readonly<Record<AtomicKind, AtomicNames>> = {
  null: { simple: "void", py: "NullType()" },
  boolean: { simple: "boolean", py: "BooleanType()" },
  byte: { simple: "tinyint", py: "ByteType()" },
  short: { simple: "smallint", py: "ShortType()" },
  integer: { simple: "int", py: "IntegerType()" },
  long: { simple: "bigint", py: "LongType()" },
  float: { simple: "float", py: "FloatType()" },
  double: { simple: "double", py: "DoubleType()" },
  string: { simple: "string", py: "StringType()" },
  binary: { simple: "binary", py: "BinaryType()" },
  date: { simple: "date", py: "DateType()" },
  timestamp: { simple: "timestamp", py: "TimestampType()" },
  timestamp_ntz: { simple: "timestamp_ntz", py: "TimestampNTZType()" },
  calendar_interval: { simple: "interval", py: "CalendarIntervalType()" },
  variant: { simple: "variant", py: "VariantType()" },
};

/** The atomic kinds, from the table (wire decoders accept exactly these names). */
export const ATOMIC_KINDS: readonly AtomicKind[] = Object.keys(ATOMIC_NAMES) as AtomicKind[];

/**
 * An interval type's simpleString, also its JSON form: `interval day to second`,
 * `interval hour`, `interval year to month` (Spark's DayTimeIntervalType.typeName).
 */
export function intervalTypeString(t: DayTimeIntervalType | YearMonthIntervalType): string {
  const names = t.kind === "day_time_interval" ? DAY_TIME_FIELDS : YEAR_MONTH_FIELDS;
  const from = names[t.startField]!;
  return t.startField === t.endField ? `interval ${from}` : `interval ${from} to ${names[t.endField]!}`;
}

const INTERVAL_TEXT = /^interval\s+(\w+)(?:\s+to\s+(\w+))?$/i;

/**
 * The interval type an `interval <field> [to <field>]` text names (DDL and JSON forms), or
 * null when the text is not one; a field pair out of order is null too (Spark rejects it).
 */
export function parseIntervalTypeString(text: string): DayTimeIntervalType | YearMonthIntervalType | null {
  const m = INTERVAL_TEXT.exec(text.trim());
  if (m === null) return null;
  const from = m[1]!.toLowerCase();
  const to = (m[2] ?? m[1]!).toLowerCase();
  const dt = [DAY_TIME_FIELDS.indexOf(from), DAY_TIME_FIELDS.indexOf(to)] as const;
  if (dt[0] >= 0 && dt[1] >= dt[0]) return { kind: "day_time_interval", startField: dt[0], endField: dt[1] };
  const ym = [YEAR_MONTH_FIELDS.indexOf(from), YEAR_MONTH_FIELDS.indexOf(to)] as const;
  if (ym[0] >= 0 && ym[1] >= ym[0]) return { kind: "year_month_interval", startField: ym[0], endField: ym[1] };
  return null;
}
