import { AnalysisException, InternalError } from "../../errors/spark-exception.js";
import { vectorToValues } from "../../columnar/rows.js";
import { vectorFromRowValues } from "../eval/vectors.js";
import { StringType, type DataType, type StructType } from "../../types/data-type.js";
import { sqlTypeName } from "../../types/type-names.js";
import { exprNullable, exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { foldedValue } from "./foldable.js";
import { checkArity, doc, implicitCast, quotedSql, scalarCall, unexpectedInputType, type ScalarFunctionDef } from "./function-def.js";
import { optionsOf, schemaOf } from "./json.js";
import { stateOf } from "./row-function.js";
import { mapRows } from "./row-map.js";
import { xmlFunctionCodec } from "./xml-codec.js";

// from_xml, schema_of_xml and to_xml (Spark 4's XmlToStructs, SchemaOfXml, StructsToXml), on
// the XML data source's parser, inference and writer (through xml-codec.ts).

/** A type the analyzer made a struct. */
function structOf(t: DataType): StructType {
  if (t.kind !== "struct") throw new InternalError(`expected a struct type, got ${t.kind}`);
  return t;
}

/** The options map argument as [key, value] pairs (keys as given: the source looks them up case-insensitively). */
function optionPairs(e: Expr | undefined): (readonly [string, string])[] {
  return [...optionsOf(e).entries()];
}

/** schema_of_xml's value for a foldable call (so `from_xml(x, schema_of_xml('<a>…</a>'))` resolves at analysis, as Spark folds it). */
function foldedSchemaOfXml(e: Expr): StructType | null {
  if (e.kind !== "ScalarCall" || e.fn !== "schema_of_xml") return null;
  const text = foldedValue(e.args[0]!);
  if (text === null || typeof text.value !== "string") return null;
  return xmlFunctionCodec().schemaOfXml(text.value, optionPairs(e.args[1]));
}

const FROM_XML: ScalarFunctionDef = {
  kind: "scalar",
  name: "from_xml",
  doc: doc("from_xml(xmlStr, schema[, options])", "Parses one XML record into a struct of the schema (a DDL string or schema_of_xml); malformed records give all-null fields (PERMISSIVE) or raise (FAILFAST)."),
  resolve(_n, given) {
    checkArity("from_xml", given, 2, 3);
    const x = given[0]!;
    const t = exprType(x);
    if (t.kind !== "string" && t.kind !== "null") throw unexpectedInputType(scalarCall("from_xml", given, StringType, true), 0, x, '"STRING"');
    const folded = foldedSchemaOfXml(given[1]!);
    const st: DataType = folded ?? schemaOf("from_xml", given[1]);
    if (st.kind !== "struct") {
      throw new AnalysisException("INVALID_SCHEMA.NON_STRUCT_TYPE", { inputSchema: quotedSql(given[1]!), dataType: `"${sqlTypeName(st)}"` });
    }
    const schemaLit: Expr = folded === null ? given[1]! : { kind: "Literal", value: sqlTypeName(st), dataType: StringType };
    return scalarCall("from_xml", [implicitCast(x, StringType), schemaLit, ...given.slice(2)], st, true);
  },
  eval([x], call, ctx) {
    const st = structOf(call.dataType);
    const options = stateOf(call, ctx, (c) => optionPairs(c.args[2]));
    // One call for the batch: the source parses and converts the records together.
    const texts = vectorToValues(x!).map((v) => (v === null || v === undefined ? null : (v as string)));
    return vectorFromRowValues(st, xmlFunctionCodec().fromXml(texts, st, options, ctx.timeZone));
  },
};

const SCHEMA_OF_XML: ScalarFunctionDef = {
  kind: "scalar",
  name: "schema_of_xml",
  doc: doc("schema_of_xml(xml[, options])", "Returns the schema Spark's XML inference gives an XML record literal, as a STRUCT<…> string."),
  resolve(_n, given) {
    checkArity("schema_of_xml", given, 1, 2);
    const a = given[0]!;
    const draft = scalarCall("schema_of_xml", given, StringType, false);
    if (exprType(a).kind !== "string") throw unexpectedInputType(draft, 0, a, '"STRING"');
    if (foldedValue(a) === null) {
      throw new AnalysisException("DATATYPE_MISMATCH.NON_FOLDABLE_INPUT", { sqlExpr: quotedSql(draft), inputName: "`xml`", inputType: '"STRING"', inputExpr: quotedSql(a) });
    }
    return draft;
  },
  eval([a], call) {
    const options = optionPairs(call.args[1]);
    return mapRows([a!], StringType, ([s]) => sqlTypeName(xmlFunctionCodec().schemaOfXml(s as string, options)));
  },
};

const TO_XML: ScalarFunctionDef = {
  kind: "scalar",
  name: "to_xml",
  doc: doc("to_xml(expr[, options])", "Returns a struct as one XML element (rowTag, default ROW), fields as child elements and prefixed fields as attributes."),
  resolve(_n, given) {
    checkArity("to_xml", given, 1, 2);
    const a = given[0]!;
    const t = exprType(a);
    if (t.kind !== "struct") throw unexpectedInputType(scalarCall("to_xml", given, StringType, true), 0, a, '"STRUCT"');
    return scalarCall("to_xml", given, StringType, exprNullable(a));
  },
  eval([a], call, ctx) {
    const st = structOf(exprType(call.args[0]!));
    const options = optionPairs(call.args[1]);
    return mapRows([a!], StringType, ([v]) => xmlFunctionCodec().toXml(v as readonly unknown[], st, options, ctx.timeZone));
  },
};

/** The XML record functions' registry entries (the XPath ones are xpath.ts). */
export const XML_STRUCT_FUNCTIONS: readonly ScalarFunctionDef[] = [FROM_XML, SCHEMA_OF_XML, TO_XML];
