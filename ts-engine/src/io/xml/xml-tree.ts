import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An element of a parsed record: its name, attributes in document order, and children (elements and text runs). */
export interface XmlElement {
  readonly name: string;
  readonly attrs: readonly (readonly [string, string])[];
  readonly children: readonly XmlNode[];
}

/** A child of an element: an element or a run of character data (CDATA included). */
export type XmlNode = XmlElement | { readonly text: string };

const TEXT = "#text";
const ATTRS = ":@";

/**
 * Parses one record's text into its root element with fast-xml-parser (ordered output, values
 * left as text, entities decoded, comments and processing instructions dropped). Null when the
 * text is not well-formed XML (Spark's malformed record).
 */
export class XmlRecordParser {
  private readonly parser: XMLParser;

  constructor(ignoreNamespace: boolean) {
    this.parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      preserveOrder: true,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: false,
      processEntities: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      removeNSPrefix: ignoreNamespace,
    });
  }

  parse(text: string): XmlElement | null {
    if (XMLValidator.validate(text) !== true) return null;
    const nodes: unknown = this.parser.parse(text);
    if (!Array.isArray(nodes)) return null;
    for (const n of nodes) {
      const e = toNode(n);
      if (e !== null && "name" in e) return e;
    }
    return null;
  }
}

function toNode(raw: unknown): XmlNode | null {
  if (typeof raw !== "object" || raw === null) return null;
  const o = raw as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (k === ATTRS) continue;
    if (k === TEXT) return { text: String(v) };
    const attrs: [string, string][] = [];
    const a = o[ATTRS];
    if (typeof a === "object" && a !== null) for (const [ak, av] of Object.entries(a as Record<string, unknown>)) attrs.push([ak, String(av)]);
    const children: XmlNode[] = [];
    if (Array.isArray(v)) {
      for (const c of v) {
        const n = toNode(c);
        if (n !== null) children.push(n);
      }
    }
    return { name: k, attrs, children };
  }
  return null;
}

/** Whether a node is an element. */
export function isElement(n: XmlNode): n is XmlElement {
  return "name" in n;
}
