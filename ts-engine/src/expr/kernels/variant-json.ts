import { readVariant, type VariantValue } from "../../columnar/variant.js";
import { formatUnscaled } from "../../columnar/decimal-value.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { floorDiv } from "../datetime/civil.js";
import { doubleToString, floatToString } from "../eval/java-number-string.js";
import { formatDate, formatTimestamp } from "../eval/datetime.js";
import { jsonQuote } from "./json-text.js";

/** `+HH:MM` for an offset in seconds, `+00:00` for UTC (Java's appendOffset("+HH:MM", "+00:00")). */
function offsetText(seconds: number): string {
  const a = Math.abs(seconds);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, "0");
  return `${seconds < 0 ? "-" : "+"}${hh}:${mm}`;
}

/** A UUID's 16 bytes as Java's UUID.toString. */
function uuidText(b: Uint8Array): string {
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The JSON text of a variant as Spark's Variant.toJson writes it (to_json, show, a cast to
 * string): objects in their stored (sorted) key order, decimals as plain text, doubles and
 * floats as Java prints them, dates, timestamps (with the `zone`'s offset) and binaries
 * (base64) as quoted strings.
 */
export function variantToJson(v: VariantValue, zone: string, pos = 0): string {
  const n = readVariant(v, pos);
  switch (n.kind) {
    case "null":
      return "null";
    case "boolean":
      return n.value ? "true" : "false";
    case "long":
      return n.value.toString();
    case "double":
      return doubleToString(n.value);
    case "float":
      return floatToString(n.value);
    case "decimal":
      return formatUnscaled(n.unscaled, n.scale);
    case "string":
      return jsonQuote(n.value);
    case "date":
      return `"${formatDate(n.days)}"`;
    case "timestamp": {
      const secs = Number(n.micros >= 0n ? n.micros / 1000000n : -((-n.micros + 999999n) / 1000000n));
      const off = zoneRulesOrUtc(zone).offsetAt(floorDiv(secs, 1));
      return `"${formatTimestamp(n.micros, zone)}${offsetText(off)}"`;
    }
    case "timestamp_ntz":
      return `"${formatTimestamp(n.micros, "UTC")}"`;
    case "binary":
      return `"${Buffer.from(n.value).toString("base64")}"`;
    case "uuid":
      return `"${uuidText(n.value)}"`;
    case "array":
      return `[${n.values.map((p) => variantToJson(v, zone, p)).join(",")}]`;
    case "object":
      return `{${n.keys.map((k, i) => `${jsonQuote(k)}:${variantToJson(v, zone, n.values[i]!)}`).join(",")}}`;
  }
}
