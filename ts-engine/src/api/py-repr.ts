import type { DataType } from "../types/data-type.js";

/**
 * Python's `repr` of a value as PySpark would show it inside a Row
 * (`'Alice'`, `None`, `True`, `2.0`, `datetime.date(2024, 1, 2)`). The type, when
 * known, tells doubles (`2.0`) from longs (`2`), which JS numbers cannot.
 */
export function pyRepr(v: unknown, t?: DataType): string {
  if (v === null || v === undefined) return "None";
  if (typeof v === "boolean") return v ? "True" : "False";
  if (typeof v === "bigint") return v.toString();
  if (typeof v === "number") {
    const fractional = t !== undefined && (t.kind === "double" || t.kind === "float");
    return fractional || !Number.isInteger(v) ? pyFloatRepr(v) : String(v);
  }
  if (typeof v === "string") return pyStrRepr(v);
  if (v instanceof Date) return t?.kind === "date" ? pyDateRepr(v) : pyDateTimeRepr(v);
  if (v instanceof Uint8Array) return `bytearray(b'${[...v].map(byteRepr).join("")}')`;
  if (Array.isArray(v)) {
    const et = t?.kind === "array" ? t.elementType : undefined;
    return `[${v.map((x) => pyRepr(x, et)).join(", ")}]`;
  }
  if (v instanceof Map) {
    const kt = t?.kind === "map" ? t.keyType : undefined;
    const vt = t?.kind === "map" ? t.valueType : undefined;
    return `{${[...v.entries()].map(([k, x]) => `${pyRepr(k, kt)}: ${pyRepr(x, vt)}`).join(", ")}}`;
  }
  return String(v);
}

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const ax = Math.abs(x);
  if (ax >= 1e16 || ax < 1e-4) {
    const [mant, exp] = x.toExponential().split("e") as [string, string];
    const e = Number(exp);
    const sign = e < 0 ? "-" : "+";
    return `${mant}e${sign}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const s = ax >= 1e21 || ax < 1e-6 ? x.toFixed(20) : String(x);
  return s.includes(".") ? s : `${s}.0`;
}

/** Python's str repr: single quotes unless the text has one and no double quote. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch < " " || ch === "\x7f") out += `\\x${ch.charCodeAt(0).toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function pyDateRepr(d: Date): string {
  return `datetime.date(${d.getUTCFullYear()}, ${d.getUTCMonth() + 1}, ${d.getUTCDate()})`;
}

function pyDateTimeRepr(d: Date): string {
  const parts = [d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()];
  if (d.getSeconds() !== 0 || d.getMilliseconds() !== 0) parts.push(d.getSeconds());
  if (d.getMilliseconds() !== 0) parts.push(d.getMilliseconds() * 1000);
  return `datetime.datetime(${parts.join(", ")})`;
}

function byteRepr(b: number): string {
  if (b === 0x5c) return "\\\\";
  if (b === 0x27) return "\\'";
  if (b >= 0x20 && b < 0x7f) return String.fromCharCode(b);
  return `\\x${b.toString(16).padStart(2, "0")}`;
}
