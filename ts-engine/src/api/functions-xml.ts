import type { ParsedExpr as Expr } from "../expr/parsed-expr.js";
import { mapType, StringType, type DataType } from "../types/data-type.js";
import { simpleString } from "../types/type-names.js";
import { Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";

// XML functions: XPath 1.0 over XML text, the path a literal column (F.lit("a/b")); from_xml,
// schema_of_xml and to_xml on the XML data source's reader and writer.

/** The values of the nodes the path selects (text and attributes; null for elements). */
export const xpath = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath", xml, path);
/** True when the path evaluates to true or selects a node. */
export const xpath_boolean = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_boolean", xml, path);
/** The path's value as a double. */
export const xpath_double = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_double", xml, path);
/** The path's value as a double. */
export const xpath_number = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_number", xml, path);
/** The path's value as a float. */
export const xpath_float = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_float", xml, path);
/** The path's value as an int. */
export const xpath_int = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_int", xml, path);
/** The path's value as a bigint. */
export const xpath_long = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_long", xml, path);
/** The path's value as a smallint. */
export const xpath_short = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_short", xml, path);
/** The string value of the first node the path selects. */
export const xpath_string = (xml: ColumnOrName, path: ColumnOrName): Column => invoke("xpath_string", xml, path);

/** Options as one map<string,string> literal argument (none when empty). */
function xmlOptions(o: Readonly<Record<string, string>> | undefined): Expr[] {
  if (o === undefined || Object.keys(o).length === 0) return [];
  return [{ kind: "Literal", value: Object.entries(o).map(([k, v]) => [k, String(v)]), dataType: mapType(StringType, StringType) }];
}

/** Parses one XML record into a struct of `schema` (a DDL string, a DataType, or a schema_of_xml Column). */
export const from_xml = (c: ColumnOrName, schema: string | DataType | Column, opts?: Readonly<Record<string, string>>): Column =>
  invokeExprs("from_xml", [toColumn(c).expr, schema instanceof Column ? schema.expr : litArg(typeof schema === "string" ? schema : simpleString(schema)), ...xmlOptions(opts)]);
/** The schema Spark's XML inference gives an XML record literal. */
export const schema_of_xml = (xml: string | Column, opts?: Readonly<Record<string, string>>): Column =>
  invokeExprs("schema_of_xml", [xml instanceof Column ? xml.expr : litArg(xml), ...xmlOptions(opts)]);
/** A struct as one XML element (rowTag, default ROW). */
export const to_xml = (c: ColumnOrName, opts?: Readonly<Record<string, string>>): Column => invokeExprs("to_xml", [toColumn(c).expr, ...xmlOptions(opts)]);
