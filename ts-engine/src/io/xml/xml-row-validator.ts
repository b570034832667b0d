import { existsSync, readFileSync } from "node:fs";
import { XmlDocument, XmlLibError, XsdValidator } from "libxml2-wasm";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

/** The local file a rowValidationXSDPath names (a plain path or a file: URI). */
function localPath(path: string): string {
  return path.replace(/^file:(\/\/)?/, "");
}

/**
 * Spark's `rowValidationXSDPath`: each row record (the rowTag element's text) is validated
 * against the XSD, as Spark's XML source does with javax.xml.validation; a record that does not
 * validate is a malformed record (PERMISSIVE: nulls and the record in the corrupt record
 * column, DROPMALFORMED: dropped, FAILFAST: an error), in schema inference too. Validation is
 * libxml2's XSD validator (libxml2-wasm). `dispose` frees the compiled schema.
 */
export class XmlRowValidator {
  private constructor(private readonly validator: XsdValidator) {}

  /** The validator of the XSD file at `path`; IllegalArgumentException when it is missing or not an XSD. */
  static open(path: string): XmlRowValidator {
    const file = localPath(path);
    if (!existsSync(file)) throw new IllegalArgumentException(`File ${path} does not exist`);
    let doc: XmlDocument | undefined;
    try {
      doc = XmlDocument.fromString(readFileSync(file, "utf8"));
      return new XmlRowValidator(XsdValidator.fromDoc(doc));
    } catch (e) {
      if (!(e instanceof XmlLibError)) throw e;
      throw new IllegalArgumentException(`rowValidationXSDPath ${path} is not a valid XML schema: ${e.message.trim()}`);
    } finally {
      doc?.dispose();
    }
  }

  /** Whether the record's text is a well-formed document that validates against the schema. */
  valid(text: string): boolean {
    let doc: XmlDocument | undefined;
    try {
      doc = XmlDocument.fromString(text);
      this.validator.validate(doc);
      return true;
    } catch (e) {
      if (e instanceof XmlLibError) return false;
      throw e;
    } finally {
      doc?.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}
