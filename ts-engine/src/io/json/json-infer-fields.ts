import { inferJsonType, mergeJsonTypes } from "../../expr/kernels/json-infer.js";
import { JsonParser, type JsonValue } from "../../expr/kernels/json-parser.js";
import { BooleanType, DoubleType, LongType, NullType, StringType, structField, structType, type DataType, type StructType } from "../../types/data-type.js";
import type { JsonOptions } from "./json-options.js";
import { ARRAY, FALSE, FLOAT, GENERAL, INT, JsonRecordScanner, NULL, OBJECT, STR, STR_ESCAPED, TRUE, isBlankRecord, type FieldSink } from "./json-record-scan.js";

const decoder = new TextDecoder();

/** Integers of at most this many digits are longs; longer ones go through inferJsonType (long or decimal). */
const LONG_DIGITS = 18;

/**
 * Spark's JSON schema inference (JsonInferSchema) over one split's records, folded field by
 * field: the records' top-level fields accumulate their merged types (mergeJsonTypes, Spark's
 * compatibleType), which is what merging each record's struct gives. Records are scanned on
 * bytes (JsonRecordScanner): a primitive value's type comes from its token, a nested value's
 * from the general parser on its bytes, and a record the scanner leaves through the general
 * parser whole. Keys are decoded once per position while records repeat them.
 */
export class InferredFields implements FieldSink {
  private readonly scanner = new JsonRecordScanner();
  private readonly slots = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly types: DataType[] = [];
  /** The key bytes and slot last seen at each key position of a record. */
  private readonly lastKey: (Uint8Array | undefined)[] = [];
  private readonly lastSlot: number[] = [];
  private position = 0;
  private bytes: Uint8Array = new Uint8Array(0);
  /** Whether some record was an object (or an array of objects). */
  seen = false;
  /** Whether some record was malformed or not an object. */
  corrupt = false;

  constructor(private readonly o: JsonOptions) {}

  /** Folds in the record in bytes [s, e) of `b` (blank lines are not records). */
  addLine(b: Uint8Array, s: number, e: number): void {
    this.bytes = b;
    this.position = 0;
    const r = this.scanner.scanRecord(b, s, e, this);
    if (r === GENERAL) {
      const text = decoder.decode(b.subarray(s, e));
      if (isBlankRecord(text) || (this.o.allowComments && new JsonParser(text, this.o).isBlank())) return;
      this.addValue(new JsonParser(text, this.o).parseAll());
    } else if (r !== 0) this.seen = true;
  }

  /** Folds in a record the general parser read (null: malformed). */
  addValue(v: JsonValue | null): void {
    const t = v === null ? null : inferJsonType(v, this.o);
    const st = t === null ? null : t.kind === "struct" ? t : t.kind === "array" && t.elementType.kind === "struct" ? t.elementType : null;
    if (st === null) {
      this.corrupt = true;
      this.seen = true;
      return;
    }
    this.seen = true;
    for (const f of st.fields) this.merge(this.slotOf(f.name), f.dataType);
  }

  private slotOf(name: string): number {
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      this.slots.set(name, slot);
      this.names.push(name);
      this.types.push(NullType);
    }
    return slot;
  }

  private merge(slot: number, t: DataType): void {
    const cur = this.types[slot]!;
    if (cur !== t) this.types[slot] = mergeJsonTypes(cur, t);
  }

  field(b: Uint8Array, ks: number, ke: number, kind: number, vs: number, ve: number): boolean {
    const p = this.position++;
    const last = this.lastKey[p];
    let slot: number;
    if (last !== undefined && last.length === ke - ks && sameBytes(last, b, ks)) slot = this.lastSlot[p]!;
    else {
      slot = this.slotOf(decoder.decode(b.subarray(ks, ke)));
      this.lastKey[p] = b.slice(ks, ke);
      this.lastSlot[p] = slot;
    }
    this.merge(slot, this.tokenType(kind, vs, ve));
    return true;
  }

  /** The type Spark's inferField gives the value token at bytes [vs, ve). */
  private tokenType(kind: number, vs: number, ve: number): DataType {
    const o = this.o;
    switch (kind) {
      case NULL:
        return NullType;
      case TRUE:
      case FALSE:
        return o.primitivesAsString ? StringType : BooleanType;
      case STR:
      case STR_ESCAPED:
        return StringType;
      case INT:
        if (o.primitivesAsString) return StringType;
        if (ve - vs - (this.bytes[vs] === 0x2d ? 1 : 0) <= LONG_DIGITS) return LongType;
        break;
      case FLOAT:
        if (o.primitivesAsString) return StringType;
        if (!o.prefersDecimal) return DoubleType;
        break;
      case OBJECT:
      case ARRAY:
        break;
    }
    const v = new JsonParser(decoder.decode(this.bytes.subarray(vs, ve)), o).parseAll();
    return v === null ? StringType : inferJsonType(v, o);
  }

  /** The split's merged record type (fields sorted by name, as Spark's inference orders them), null when it had no record. */
  type(): StructType | null {
    if (!this.seen) return null;
    const order = this.names.map((n, i) => [n, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return structType(order.map(([n, i]) => structField(n, this.types[i]!, true)));
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array, at: number): boolean {
  for (let j = 0; j < a.length; j++) if (a[j] !== b[at + j]) return false;
  return true;
}
