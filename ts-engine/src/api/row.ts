import type { DataType } from "../types/data-type.js";
import { pyRepr } from "./py-repr.js";

const NAMES = Symbol("names");
const VALUES = Symbol("values");
const TYPES = Symbol("types");

/**
 * A result row, as PySpark's `Row`: fields are readable by name (`row.age`,
 * `row["age"]`), by position (`row.get(0)`), and as a plain object (`asDict()`).
 * Its string form is PySpark's repr, `Row(name='Alice', age=2)`. A field named like
 * a method (`get`, `asDict`) shadows it, as in PySpark; `Row.prototype.get.call(row, k)`
 * still works.
 */
export class Row {
  [field: string]: unknown;
  private readonly [NAMES]: readonly string[];
  private readonly [VALUES]: readonly unknown[];
  private readonly [TYPES]: readonly (DataType | undefined)[];

  /** A row with the given field names and values (and, optionally, their types for repr). */
  constructor(names: readonly string[], values: readonly unknown[], types: readonly (DataType | undefined)[] = []) {
    this[NAMES] = names;
    this[VALUES] = values;
    this[TYPES] = types;
    names.forEach((n, i) => {
      if (!Object.prototype.hasOwnProperty.call(this, n)) {
        Object.defineProperty(this, n, { value: values[i], enumerable: true, writable: false, configurable: false });
      }
    });
  }

  /**
   * A row for query results: many rows share one `names` array, so field accessors live on
   * a prototype made once per names array instead of being defined on every row.
   */
  static ofShared(names: readonly string[], values: readonly unknown[], types: readonly (DataType | undefined)[]): Row {
    const row = Object.create(sharedPrototype(names)) as { [NAMES]: readonly string[]; [VALUES]: readonly unknown[]; [TYPES]: readonly (DataType | undefined)[] };
    row[NAMES] = names;
    row[VALUES] = values;
    row[TYPES] = types;
    return row as unknown as Row;
  }

  /** PySpark's `Row(a=1, b="x")`: a row from an object's own fields, in key order. */
  static fromObject(obj: Readonly<Record<string, unknown>>): Row {
    const names = Object.keys(obj);
    return new Row(names, names.map((k) => obj[k]));
  }

  /** The value of a field by name or position (undefined when there is no such field). */
  get(key: string | number): unknown {
    if (typeof key === "number") return this[VALUES][key];
    const i = this[NAMES].indexOf(key);
    return i < 0 ? undefined : this[VALUES][i];
  }

  /** The field names, in order. */
  fieldNames(): readonly string[] {
    return this[NAMES];
  }

  /** The values, in field order (PySpark's tuple view). */
  toArray(): unknown[] {
    return [...this[VALUES]];
  }

  /** The fields as a plain object; `recursive` also converts nested Rows. */
  asDict(recursive = false): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this[NAMES].forEach((n, i) => {
      const v = this[VALUES][i];
      out[n] = recursive && v instanceof Row ? v.asDict(true) : v;
    });
    return out;
  }

  /** PySpark's repr: `Row(name='Alice', age=2)`. */
  toString(): string {
    const fields = this[NAMES].map((n, i) => `${n}=${pyRepr(this[VALUES][i], this[TYPES][i])}`);
    return `Row(${fields.join(", ")})`;
  }

  /** JSON form: the fields as an object. */
  toJSON(): Record<string, unknown> {
    return this.asDict(true);
  }

  [Symbol.iterator](): Iterator<unknown> {
    return this[VALUES][Symbol.iterator]();
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

const sharedPrototypes = new WeakMap<readonly string[], object>();

/** Read-only field getters over `names` (first of duplicate names wins), inheriting Row's methods. */
function sharedPrototype(names: readonly string[]): object {
  let proto = sharedPrototypes.get(names);
  if (proto === undefined) {
    const p: object = Object.create(Row.prototype);
    names.forEach((n, i) => {
      if (Object.prototype.hasOwnProperty.call(p, n)) return;
      Object.defineProperty(p, n, {
        get(this: { [VALUES]: readonly unknown[] }) {
          return this[VALUES][i];
        },
        enumerable: true,
      });
    });
    sharedPrototypes.set(names, p);
    proto = p;
  }
  return proto;
}

/** A Row whose fields have known types, for `collect<T>()`. The caller vouches for `T`. */
export type TypedRow<T extends Record<string, unknown>> = Row & T;
