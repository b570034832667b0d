import { existsSync, readFileSync } from "node:fs";
import type { XmlDocument, XsdValidator } from "libxml2-wasm";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

type Libxml2 = typeof import("libxml2-wasm");
let libxml2: Promise<Libxml2> | undefined;

/** libxml2-wasm, instantiated on first use: reads without an XSD never load it. */
function load(): Promise<Libxml2> {
  libxml2 ??= import("libxml2-wasm");
  return libxml2;
}

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
  private constructor(
    private readonly lib: Libxml2,
    private readonly validator: XsdValidator,
  ) {}

  /** Fails when the XSD file at `path` is missing (checked before any task runs). */
  static checkExists(path: string): void {
    if (!existsSync(localPath(path))) throw new IllegalArgumentException(`File ${path} does not exist`);
  }

  /** The validator of the XSD file at `path`; IllegalArgumentException when it is missing or not an XSD. */
  static async open(path: string): Promise<XmlRowValidator> {
    XmlRowValidator.checkExists(path);
    const lib = await load();
    let doc: XmlDocument | undefined;
    try {
      doc = lib.XmlDocument.fromString(readFileSync(localPath(path), "utf8"));
      return new XmlRowValidator(lib, lib.XsdValidator.fromDoc(doc));
    } catch (e) {
      if (!(e instanceof lib.XmlLibError)) throw e;
      throw new IllegalArgumentException(`rowValidationXSDPath ${path} is not a valid XML schema: ${e.message.trim()}`);
    } finally {
      doc?.dispose();
    }
  }

  /** Whether the record's text is a well-formed document that validates against the schema. */
  valid(text: string): boolean {
    let doc: XmlDocument | undefined;
    try {
      doc = this.lib.XmlDocument.fromString(text);
      this.validator.validate(doc);
      return true;
    } catch (e) {
      if (e instanceof this.lib.XmlLibError) return false;
      throw e;
    } finally {
      doc?.dispose();
    }
  }

  dispose(): void {
    this.validator.dispose();
  }
}
