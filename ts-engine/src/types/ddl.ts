import { ParseException } from "../errors/spark-exception.js";
import {
  BinaryType,
  CalendarIntervalType,
  VariantType,
  BooleanType,
  ByteType,
  DateType,
  DoubleType,
  FloatType,
  IntegerType,
  LongType,
  NullType,
  ShortType,
  StringType,
  TimestampNTZType,
  TimestampType,
  arrayType,
  collatedStringType,
  decimalType,
  mapType,
  structField,
  structType,
  type DataType,
  type StructField,
  type StructType,
} from "./data-type.js";
import { parseIntervalTypeString } from "./atomic-names.js";
import { collationName } from "./collation.js";

const SIMPLE: Readonly<Record<string, DataType>> = {
  string: StringType,
  int: IntegerType,
  integer: IntegerType,
  bigint: LongType,
  long: LongType,
  smallint: ShortType,
  short: ShortType,
  tinyint: ByteType,
  byte: ByteType,
  float: FloatType,
  real: FloatType,
  double: DoubleType,
  boolean: BooleanType,
  bool: BooleanType,
  date: DateType,
  timestamp: TimestampType,
  timestamp_ltz: TimestampType,
  timestamp_ntz: TimestampNTZType,
  binary: BinaryType,
  void: NullType,
  null: NullType,
  variant: VariantType,
};

/** A tiny cursor over DDL text: identifiers, backquoted names, numbers and punctuation. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  skipWs(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  peek(): string {
    this.skipWs();
    return this.text[this.pos] ?? "";
  }

  eat(ch: string): boolean {
    if (this.peek() === ch) {
      this.pos++;
      return true;
    }
    return false;
  }

  expect(ch: string): void {
    if (!this.eat(ch)) this.fail();
  }

  atEnd(): boolean {
    return this.peek() === "";
  }

  /** An identifier (letters, digits, `_`) or a backquoted name (`` `a b` ``, ``` `` ``` escapes a backquote). */
  name(): string {
    this.skipWs();
    if (this.text[this.pos] === "`") {
      let out = "";
      this.pos++;
      while (this.pos < this.text.length) {
        const c = this.text[this.pos]!;
        if (c === "`") {
          if (this.text[this.pos + 1] === "`") {
            out += "`";
            this.pos += 2;
            continue;
          }
          this.pos++;
          return out;
        }
        out += c;
        this.pos++;
      }
      this.fail();
    }
    const m = /^[A-Za-z0-9_]+/.exec(this.text.slice(this.pos));
    if (m === null) this.fail();
    this.pos += m[0].length;
    return m[0];
  }

  int(): number {
    this.skipWs();
    const m = /^\d+/.exec(this.text.slice(this.pos));
    if (m === null) this.fail();
    this.pos += m[0].length;
    return Number(m[0]);
  }

  fail(): never {
    const rest = this.text.slice(this.pos).trim();
    const near = rest === "" ? "end of input" : `'${/^[A-Za-z0-9_]+|^\S/.exec(rest)![0]}'`;
    throw new ParseException("PARSE_SYNTAX_ERROR", { error: near, hint: "" });
  }
}

function parseType(c: Cursor): DataType {
  const word = c.name().toLowerCase();
  switch (word) {
    case "interval": {
      // `interval day to second`, `interval hour`, `interval year to month`; a bare
      // `interval` is Spark's CalendarIntervalType.
      if (!/^\s*(year|month|day|hour|minute|second)\b/i.test(c.text.slice(c.pos))) return CalendarIntervalType;
      const from = c.name().toLowerCase();
      const save = c.pos;
      let to = from;
      if (/^\s*to\b/i.test(c.text.slice(c.pos))) {
        c.name();
        to = c.name().toLowerCase();
      } else c.pos = save;
      const t = parseIntervalTypeString(`interval ${from} to ${to}`);
      if (t === null) c.fail();
      return t;
    }
    case "array": {
      c.expect("<");
      const e = parseType(c);
      c.expect(">");
      return arrayType(e, true);
    }
    case "map": {
      c.expect("<");
      const k = parseType(c);
      c.expect(",");
      const v = parseType(c);
      c.expect(">");
      return mapType(k, v, true);
    }
    case "struct": {
      c.expect("<");
      const fields: StructField[] = [];
      if (!c.eat(">")) {
        do fields.push(parseField(c, true));
        while (c.eat(","));
        c.expect(">");
      }
      return structType(fields);
    }
    case "decimal":
    case "dec":
    case "numeric": {
      if (!c.eat("(")) return decimalType(10, 0);
      const p = c.int();
      const s = c.eat(",") ? c.int() : 0;
      c.expect(")");
      return decimalType(p, s);
    }
    case "varchar":
    case "char":
    case "character":
      c.expect("(");
      c.int();
      c.expect(")");
      return StringType;
    case "string": {
      // Spark 4: `STRING COLLATE <name>` (a collated StringType)
      if (!/^\s*collate\b/i.test(c.text.slice(c.pos))) return StringType;
      c.name();
      return collatedStringType(collationName(c.name()));
    }
    default: {
      const t = SIMPLE[word];
      if (t === undefined) {
        throw new ParseException("UNSUPPORTED_DATATYPE", { typeName: `"${word.toUpperCase()}"` });
      }
      return t;
    }
  }
}

function parseField(c: Cursor, inStruct: boolean): StructField {
  const name = c.name();
  c.eat(":");
  const t = parseType(c);
  let nullable = true;
  const save = c.pos;
  const next = /^\s*([A-Za-z]+)/.exec(c.text.slice(c.pos))?.[1]?.toLowerCase();
  if (next === "not") {
    c.name();
    if (c.name().toLowerCase() !== "null") c.fail();
    nullable = false;
  } else c.pos = save;
  const after = /^\s*([A-Za-z]+)/.exec(c.text.slice(c.pos))?.[1]?.toLowerCase();
  if (after === "comment") {
    c.name();
    c.skipWs();
    const m = /^'(?:[^'\\]|\\.)*'|^"(?:[^"\\]|\\.)*"/.exec(c.text.slice(c.pos));
    if (m === null) c.fail();
    c.pos += m[0].length;
  }
  void inStruct;
  return structField(name, t, nullable);
}

/**
 * Parses a DDL schema string as Spark does for createDataFrame/from_json:
 * `"name STRING, age INT"`, `"a: int, b string NOT NULL"`, `struct<a:int>` forms; raises
 * ParseException PARSE_SYNTAX_ERROR on malformed text.
 */
export function parseDDL(ddl: string): StructType {
  const c = new Cursor(ddl);
  const trimmed = ddl.trim();
  if (/^struct\s*</i.test(trimmed)) {
    const t = parseType(c);
    if (!c.atEnd()) c.fail();
    return t as StructType;
  }
  const fields: StructField[] = [];
  if (c.atEnd()) return structType([]);
  do fields.push(parseField(c, false));
  while (c.eat(","));
  if (!c.atEnd()) c.fail();
  return structType(fields);
}

/**
 * Parses one data type (`int`, `array<string>`, `map<string,int>`, `decimal(10,2)`); like
 * PySpark's `_parse_datatype_string`, text that is not a single type is tried as a DDL schema.
 */
export function parseDataType(s: string): DataType {
  try {
    const c = new Cursor(s);
    const t = parseType(c);
    if (!c.atEnd()) c.fail();
    return t;
  } catch (e) {
    try {
      return parseDDL(s);
    } catch {
      throw e;
    }
  }
}
