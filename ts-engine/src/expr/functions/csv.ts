import { AnalysisException } from "../../errors/spark-exception.js";
import { BooleanType, DoubleType, IntegerType, LongType, StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";
import { doubleToString, floatToString } from "../eval/to-string.js";
import { exprNullable, exprType } from "../expr-type.js";
import { roundDecimalText } from "../kernels/decimal-round.js";
import { checkArity, quotedSql, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { optionsOf, schemaOf } from "./json.js";
import { coerceArgs, doc } from "./row-function.js";
import { mapRows } from "./row-map.js";

// CSV functions (Spark's csv_funcs): from_csv, to_csv, schema_of_csv, with the CSV options
// `sep` (`,`), `quote` (`"`), `escape` (`\`) and `nullValue` (empty).

interface CsvOptions {
  readonly sep: string;
  readonly quote: string;
  readonly escape: string;
  readonly nullValue: string;
}

function csvOptions(e: Parameters<typeof optionsOf>[0]): CsvOptions {
  const o = optionsOf(e);
  return { sep: o.get("sep") ?? o.get("delimiter") ?? ",", quote: o.get("quote") ?? '"', escape: o.get("escape") ?? "\\", nullValue: o.get("nullvalue") ?? "" };
}

/** One CSV record's fields (quoted fields may hold the separator; the escape character quotes the next one). */
function splitCsv(line: string, o: CsvOptions): (string | null)[] {
  const out: (string | null)[] = [];
  let i = 0;
  for (;;) {
    let field = "";
    let quoted = false;
    if (line.startsWith(o.quote, i)) {
      quoted = true;
      i += o.quote.length;
      while (i < line.length) {
        if (line.startsWith(o.escape, i) && i + o.escape.length < line.length) {
          field += line[i + o.escape.length];
          i += o.escape.length + 1;
        } else if (line.startsWith(o.quote, i)) {
          i += o.quote.length;
          break;
        } else field += line[i++];
      }
      while (i < line.length && !line.startsWith(o.sep, i)) field += line[i++];
    } else {
      while (i < line.length && !line.startsWith(o.sep, i)) field += line[i++];
    }
    out.push(!quoted && field === o.nullValue ? null : field);
    if (i >= line.length) return out;
    i += o.sep.length;
  }
}

/** A CSV field as `t` (null when it does not convert: PERMISSIVE keeps the other fields). */
function convertField(s: string | null, t: DataType): unknown {
  if (s === null) return null;
  const v = s.trim();
  switch (t.kind) {
    case "string":
      return s;
    case "byte":
    case "short":
    case "integer":
    case "long": {
      if (!/^[+-]?\d+$/.test(v)) return null;
      const x = BigInt(v);
      const bits = t.kind === "long" ? 64 : t.kind === "integer" ? 32 : t.kind === "short" ? 16 : 8;
      if (BigInt.asIntN(bits, x) !== x) return null;
      return t.kind === "long" ? (x >= -(2n ** 53n) && x <= 2n ** 53n ? Number(x) : x) : Number(x);
    }
    case "float":
    case "double": {
      const x = v === "NaN" ? NaN : v === "Inf" || v === "Infinity" ? Infinity : v === "-Inf" || v === "-Infinity" ? -Infinity : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) ? Number(v) : null;
      return x;
    }
    case "boolean":
      return /^true$/i.test(v) ? true : /^false$/i.test(v) ? false : null;
    case "decimal":
      return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(v) ? roundDecimalText(v, t.scale, "HALF_UP") : null;
    case "date": {
      const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      return m === null ? null : Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000);
    }
    case "timestamp":
    case "timestamp_ntz": {
      const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : v.replace(" ", "T") + "Z");
      return Number.isNaN(ms) ? null : ms * 1000;
    }
    case "binary":
    case "null":
    case "array":
    case "map":
    case "struct":
      return null;
  }
}

const FROM_CSV: ScalarFunctionDef = {
  kind: "scalar",
  name: "from_csv",
  doc: doc("from_csv(csvStr, schema[, options])", "Parses the CSV record into a struct of the DDL schema; fields that do not convert are null."),
  resolve(_n, given) {
    checkArity("from_csv", given, 2, 3);
    const [csv] = coerceArgs("from_csv", given.slice(0, 1), ["string"]);
    const schema = schemaOf("from_csv", given[1]);
    if (schema.kind !== "struct") {
      throw new AnalysisException("INVALID_SCHEMA.NON_STRUCT_TYPE", { inputSchema: quotedSql(given[1]!), dataType: `"${sqlTypeName(schema)}"` });
    }
    return scalarCall("from_csv", given[2] === undefined ? [csv!] : [csv!, given[2]], schema, true);
  },
  eval(args, call) {
    const t = call.dataType as StructType;
    const o = csvOptions(call.args[1]);
    return mapRows(args.slice(0, 1), t, ([s]) => {
      const fields = splitCsv(s as string, o);
      return t.fields.map((f, i) => convertField(fields[i] ?? null, f.dataType));
    });
  },
};

function csvValue(x: unknown, t: DataType, o: CsvOptions): string {
  if (x === null || x === undefined) return o.nullValue;
  let s: string;
  switch (t.kind) {
    case "double":
      s = doubleToString(x as number);
      break;
    case "float":
      s = floatToString(x as number);
      break;
    case "date":
      s = new Date((x as number) * 86400000).toISOString().slice(0, 10);
      break;
    case "timestamp":
    case "timestamp_ntz":
      s = new Date(Math.floor(Number(x as number | bigint) / 1000)).toISOString().replace("Z", t.kind === "timestamp" ? "Z" : "");
      break;
    default:
      s = String(x);
  }
  // univocity quotes a value holding the separator, a quote or a line break, escaping quotes.
  if (s.includes(o.sep) || s.includes(o.quote) || /[\r\n]/.test(s) || s === "") {
    if (s === "" && t.kind !== "string") return s;
    return o.quote + s.split(o.quote).join(o.escape + o.quote) + o.quote;
  }
  return s;
}

const TO_CSV: ScalarFunctionDef = {
  kind: "scalar",
  name: "to_csv",
  doc: doc("to_csv(expr[, options])", "Returns the CSV record of a struct value: fields joined by the separator, quoted where needed."),
  resolve(_n, given) {
    checkArity("to_csv", given, 1, 2);
    const a = given[0]!;
    if (exprType(a).kind !== "struct") throw unexpectedInputType(scalarCall("to_csv", [a], StringType, true), 0, a, '"STRUCT"');
    return scalarCall("to_csv", given[1] === undefined ? [a] : [a, given[1]], StringType, exprNullable(a));
  },
  eval(args, call) {
    const t = exprType(call.args[0]!) as StructType;
    const o = csvOptions(call.args[1]);
    return mapRows(args.slice(0, 1), StringType, ([x]) => (x as readonly unknown[]).map((v, i) => csvValue(v, t.fields[i]!.dataType, o)).join(o.sep));
  },
};

/** Spark's CSVInferSchema for one field: INT, BIGINT, DOUBLE, BOOLEAN, else STRING. */
function inferField(s: string | null): DataType {
  if (s === null) return StringType;
  const v = s.trim();
  if (/^[+-]?\d+$/.test(v)) {
    const x = BigInt(v);
    if (BigInt.asIntN(32, x) === x) return IntegerType;
    if (BigInt.asIntN(64, x) === x) return LongType;
    return { kind: "decimal", precision: Math.min(38, v.replace(/^[+-]/, "").length), scale: 0 };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v) || v === "NaN" || /^[+-]?Inf(inity)?$/.test(v)) return DoubleType;
  if (/^(true|false)$/i.test(v)) return BooleanType;
  return StringType;
}

const SCHEMA_OF_CSV: ScalarFunctionDef = {
  kind: "scalar",
  name: "schema_of_csv",
  doc: doc("schema_of_csv(csv[, options])", "Returns the DDL schema Spark infers from the CSV string literal (`STRUCT<_c0: INT, …>`)."),
  resolve(_n, given) {
    checkArity("schema_of_csv", given, 1, 2);
    const a = given[0]!;
    if (a.kind !== "Literal" || typeof a.value !== "string") {
      throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(scalarCall("schema_of_csv", [a], StringType, false)), inputName: "`csv`", inputType: '"STRING"', inputExpr: quotedSql(a) });
    }
    return scalarCall("schema_of_csv", given[1] === undefined ? [a] : [a, given[1]], StringType, false);
  },
  eval(args, call) {
    const o = csvOptions(call.args[1]);
    return mapRows(args.slice(0, 1), StringType, ([s]) => sqlTypeName(structType(splitCsv(s as string, o).map((f, i) => structField(`_c${i}`, inferField(f), true)))));
  },
};

/** Registry entries for the CSV functions. */
export const CSV_FUNCTIONS: readonly ScalarFunctionDef[] = [FROM_CSV, TO_CSV, SCHEMA_OF_CSV];
