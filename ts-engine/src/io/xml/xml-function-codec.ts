import { vectorToValues } from "../../columnar/rows.js";
import { SparkException } from "../../errors/spark-exception.js";
import { registerXmlFunctionCodec } from "../../expr/functions/xml-codec.js";
import { structType, type StructType } from "../../types/data-type.js";
import { SourceOptions } from "../source-options.js";
import { XmlRowBuilder } from "./xml-convert.js";
import { XmlSchemaInference } from "./xml-infer.js";
import { xmlOptions, type XmlOptions } from "./xml-options.js";
import { XmlRecordParser } from "./xml-tree.js";
import { XmlWriter } from "./xml-writer.js";

// The XML source's parts for from_xml / schema_of_xml / to_xml (expr/functions/xml-codec.ts):
// a function's text is one record, whatever its root element is called.

/** The functions' options: rowTag is not required (Spark's XmlOptions for expressions), ROW by default. */
function functionOptions(entries: readonly (readonly [string, string])[]): XmlOptions {
  const given = new SourceOptions(entries);
  const withTag = given.has("rowTag") ? entries : [...entries, ["rowTag", "ROW"] as const];
  return xmlOptions(new SourceOptions(withTag), "_corrupt_record");
}

registerXmlFunctionCodec({
  fromXml(texts, schema, options, timeZone) {
    const o = functionOptions(options);
    const parser = new XmlRecordParser(o.ignoreNamespace);
    const b = new XmlRowBuilder(schema, o, timeZone);
    for (const t of texts) b.add(t === null ? null : parser.parse(t), t ?? "");
    if (o.mode === "FAILFAST" && b.bad.some((r) => texts[r] !== null)) {
      // Spark's XmlToStructs reports the failed row, which holds no value yet: `[null]`.
      throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: "[null]", failFastMode: "FAILFAST" });
    }
    const cols = b.batch().columns.map(vectorToValues);
    return texts.map((t, r) => (t === null ? null : cols.map((c) => c[r])));
  },
  schemaOfXml(text, options) {
    const o = functionOptions(options);
    const root = new XmlRecordParser(o.ignoreNamespace).parse(text);
    if (root === null) throw new SparkException("SparkException", "MALFORMED_RECORD_IN_PARSING.WITHOUT_SUGGESTION", { badRecord: text, failFastMode: "FAILFAST" });
    const inf = new XmlSchemaInference(o, false);
    const t = inf.finish(inf.record(root));
    return t !== undefined && t.kind === "struct" ? t : structType([]);
  },
  toXml(value, type: StructType, options, timeZone) {
    const o = functionOptions(options);
    return XmlWriter.recordText(value, type, o, timeZone);
  },
});
