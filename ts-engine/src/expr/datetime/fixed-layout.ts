import { daysFromCivil, daysInMonth } from "./civil.js";
import type { CompiledPattern, PatternOp } from "./pattern.js";

/**
 * The fast path of date_format and to_timestamp for the patterns users write most
 * (`yyyy-MM-dd HH:mm:ss`, `yyyy-MM-dd`, `yyyyMMdd`, `dd/MM/yyyy HH:mm:ss.SSS` …): a pattern
 * made only of ASCII literals, a 4-letter `y`/`u` year, two-letter M d H m s fields and `S`
 * fractions always prints the same number of bytes at the same places (for years 0–9999), so
 * a batch is written slot by slot, one tight loop per field over all rows, computed straight
 * from the day numbers with no op dispatch. Parsing checks the bytes against the same layout
 * and reads the digits in place, also slot by slot. Rows the layout does not cover (other
 * years, text of another length, out-of-range fields, literals in another case) go to the
 * general formatter/parser, which gives Spark's result or error for them, so the fast path
 * only ever answers where both paths agree.
 */

/** Slot kinds, as small integers so the per-row loop is a switch over an Int32Array. */
const LITERAL = 0;
const YEAR = 1;
const MONTH = 2;
const DAY = 3;
const HOUR = 4;
const MINUTE = 5;
const SECOND = 6;
const FRACTION = 7;

/** A pattern's fixed byte layout: per slot its kind, byte position and width. */
export interface FixedLayout {
  /** Bytes per value. */
  readonly width: number;
  /** The literal bytes at their positions (digit positions hold 0). */
  readonly template: Uint8Array;
  /** Triples (kind, position, width), one per field or literal run. */
  readonly slots: Int32Array;
  /** Whether the layout has each field (absent fields take Spark's defaults when parsing). */
  readonly hasYear: boolean;
  readonly hasMonth: boolean;
  readonly hasDay: boolean;
}

/** The fixed layout of `pattern`, or null when some op is of variable width or not covered. */
export function fixedLayout(pattern: CompiledPattern): FixedLayout | null {
  const ops = pattern.ops;
  const slots: number[] = [];
  const bytes: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!;
    const kind = slotKind(op);
    if (kind === null) return null;
    // The general parser lets a year (and a fraction) take more digits when the next op is
    // a number or fraction; keep the layout to cases where a literal, the end, or fixed-width
    // numbers bound them, so both parsers read the same digits.
    if ((kind === YEAR || kind === FRACTION) && !boundedAfter(ops, i, kind === FRACTION)) return null;
    if (kind !== LITERAL) {
      if (seen.has(kind)) return null;
      seen.add(kind);
    }
    const pos = bytes.length;
    if (op.op === "literal") {
      for (let k = 0; k < op.text.length; k++) bytes.push(op.text.charCodeAt(k));
      slots.push(LITERAL, pos, op.text.length);
    } else {
      const w = kind === YEAR ? 4 : kind === FRACTION && op.op === "fraction" ? op.width : 2;
      for (let k = 0; k < w; k++) bytes.push(0);
      slots.push(kind, pos, w);
    }
  }
  return {
    width: bytes.length,
    template: Uint8Array.from(bytes),
    slots: Int32Array.from(slots),
    hasYear: seen.has(YEAR),
    hasMonth: seen.has(MONTH),
    hasDay: seen.has(DAY),
  };
}

function slotKind(op: PatternOp): number | null {
  switch (op.op) {
    case "literal":
      return /^[\x20-\x7e]+$/.test(op.text) ? LITERAL : null;
    case "number":
      if (op.field === "year") return op.minWidth === 4 ? YEAR : null;
      if (op.minWidth !== 2 || op.maxWidth !== 2) return null;
      switch (op.field) {
        case "month":
          return MONTH;
        case "day":
          return DAY;
        case "hourOfDay":
          return HOUR;
        case "minute":
          return MINUTE;
        case "second":
          return SECOND;
        default:
          return null;
      }
    case "fraction":
      return op.width <= 9 ? FRACTION : null;
    default:
      return null;
  }
}

function boundedAfter(ops: readonly PatternOp[], i: number, strict: boolean): boolean {
  for (let k = i + 1; k < ops.length; k++) {
    const o = ops[k]!;
    if (o.op === "literal") return true;
    if (strict || o.op !== "number" || o.minWidth !== o.maxWidth) return false;
  }
  return true;
}

/** What parseFixedBatch gives per row: whether the layout parsed it, and its local day and time. */
export interface FixedBatch {
  /** 1 where the row's text fits the layout and its fields are valid. */
  readonly ok: Uint8Array;
  readonly days: Float64Array;
  readonly secondOfDay: Int32Array;
  readonly micros: Int32Array;
}

/**
 * Parses every row of a batch with `layout`, slot by slot: one tight loop over the rows per
 * literal or field (the positions are the same in every row), so no row pays the slot
 * dispatch, then one loop that checks the fields as Java's strict resolver does and computes
 * each row's day and time. A row is ok only when its text has the layout's length, its
 * literals byte for byte, digits in every field, and valid fields. Rows with `skip[i]` 0
 * (nulls), another length, or any mismatch get ok 0, for the general parser to answer (it
 * either agrees, e.g. for literals in another case, or gives Spark's error).
 */
export function parseFixedBatch(layout: FixedLayout, b: Uint8Array, offsets: Int32Array, n: number, skip: Uint8Array): FixedBatch {
  const ok = new Uint8Array(n);
  const width = layout.width;
  for (let i = 0; i < n; i++) ok[i] = skip[i]! & (offsets[i + 1]! - offsets[i]! === width ? 1 : 0);
  const fields = new Int32Array(8 * n);
  const slots = layout.slots;
  const template = layout.template;
  for (let s = 0; s < slots.length; s += 3) {
    const kind = slots[s]!;
    const at = slots[s + 1]!;
    const w = slots[s + 2]!;
    if (kind === LITERAL) {
      if (w === 1) {
        const t = template[at]!;
        for (let i = 0; i < n; i++) if (b[offsets[i]! + at] !== t) ok[i] = 0;
        continue;
      }
      for (let i = 0; i < n; i++) {
        const p = offsets[i]! + at;
        for (let k = 0; k < w; k++) if (b[p + k] !== template[at + k]) ok[i] = 0;
      }
      continue;
    }
    const base = kind * n;
    // two- and four-digit fields (all but fractions) unrolled; a byte below '0' wraps past 9
    // as unsigned, so one compare per digit; rows already failed may read anything (ignored)
    if (w === 2) {
      for (let i = 0; i < n; i++) {
        const p = offsets[i]! + at;
        const d1 = b[p]! - 0x30;
        const d2 = b[p + 1]! - 0x30;
        if (d1 >>> 0 > 9 || d2 >>> 0 > 9) ok[i] = 0;
        fields[base + i] = d1 * 10 + d2;
      }
      continue;
    }
    if (w === 4 && kind === YEAR) {
      for (let i = 0; i < n; i++) {
        const p = offsets[i]! + at;
        const d1 = b[p]! - 0x30;
        const d2 = b[p + 1]! - 0x30;
        const d3 = b[p + 2]! - 0x30;
        const d4 = b[p + 3]! - 0x30;
        if (d1 >>> 0 > 9 || d2 >>> 0 > 9 || d3 >>> 0 > 9 || d4 >>> 0 > 9) ok[i] = 0;
        fields[base + i] = ((d1 * 10 + d2) * 10 + d3) * 10 + d4;
      }
      continue;
    }
    for (let i = 0; i < n; i++) {
      if (ok[i] === 0) continue;
      const p = offsets[i]! + at;
      let v = 0;
      for (let k = 0; k < w; k++) {
        const d = b[p + k]! - 0x30;
        if (d < 0 || d > 9) {
          ok[i] = 0;
          break;
        }
        v = v * 10 + d;
      }
      // FRACTION: nanoseconds scaled to microseconds (digits past the sixth truncated, as Spark)
      fields[base + i] = kind === FRACTION ? Math.floor((v * 10 ** (9 - w)) / 1000) : v;
    }
  }
  const days = new Float64Array(n);
  const secondOfDay = new Int32Array(n);
  const micros = new Int32Array(n);
  const y0 = layout.hasYear ? YEAR * n : -1;
  const m0 = layout.hasMonth ? MONTH * n : -1;
  const d0 = layout.hasDay ? DAY * n : -1;
  for (let i = 0; i < n; i++) {
    if (ok[i] === 0) continue;
    const year = y0 < 0 ? 1970 : fields[y0 + i]!;
    const month = m0 < 0 ? 1 : fields[m0 + i]!;
    const day = d0 < 0 ? 1 : fields[d0 + i]!;
    const hour = fields[HOUR * n + i]!;
    const minute = fields[MINUTE * n + i]!;
    const second = fields[SECOND * n + i]!;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
      ok[i] = 0;
      continue;
    }
    days[i] = daysFromCivil(year, month, day);
    secondOfDay[i] = hour * 3600 + minute * 60 + second;
    micros[i] = fields[FRACTION * n + i]!;
  }
  return { ok, days, secondOfDay, micros };
}

/**
 * Formats a whole batch of local date-times (days since epoch, second of day, microsecond)
 * with `layout`, slot by slot: the civil fields of every row first (civil_from_days, Hinnant,
 * in int32 arithmetic), then one loop per field writing its digits at the same place in each
 * row's `width` bytes, and the literals copied per run. Null when some row's year is outside
 * 0–9999, which the general formatter prints with a sign or more digits (the caller formats
 * the batch row by row then). Row i's text is bytes[i·width, (i+1)·width).
 */
export function formatFixedBatch(layout: FixedLayout, days: Int32Array, secondOfDay: Int32Array, micros: Float64Array, n: number): Uint8Array | null {
  const w = layout.width;
  const fields = new Int32Array(7 * n);
  for (let i = 0; i < n; i++) {
    // `| 0` truncates; only the era division can see a negative operand, so it floors
    // explicitly; the day numbers of Float64-stored timestamps (±2^53 µs) are far inside int32
    const z = (days[i]! + 719468) | 0;
    const era = ((z >= 0 ? z : z - 146096) / 146097) | 0;
    const doe = (z - era * 146097) | 0;
    const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36524) | 0) - ((doe / 146096) | 0)) / 365) | 0;
    const doy = (doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))) | 0;
    const mp = ((5 * doy + 2) / 153) | 0;
    const month = mp < 10 ? mp + 3 : mp - 9;
    const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) return null;
    const sod = secondOfDay[i]!;
    fields[YEAR * n + i] = year;
    fields[MONTH * n + i] = month;
    fields[DAY * n + i] = doy - (((153 * mp + 2) / 5) | 0) + 1;
    fields[HOUR * n + i] = (sod / 3600) | 0;
    fields[MINUTE * n + i] = ((sod / 60) | 0) % 60;
    fields[SECOND * n + i] = sod % 60;
  }
  const out = new Uint8Array(n * w);
  const slots = layout.slots;
  const template = layout.template;
  for (let s = 0; s < slots.length; s += 3) {
    const kind = slots[s]!;
    const at = slots[s + 1]!;
    const width = slots[s + 2]!;
    if (kind === LITERAL) {
      for (let k = at; k < at + width; k++) {
        const t = template[k]!;
        for (let i = 0, p = k; i < n; i++, p += w) out[p] = t;
      }
      continue;
    }
    if (kind === FRACTION) {
      // the first digits of the microsecond, then zeros past the sixth
      for (let i = 0, p = at; i < n; i++, p += w) {
        let div = 100000;
        for (let k = 0; k < width; k++) {
          out[p + k] = k < 6 ? 0x30 + (Math.floor(micros[i]! / div) % 10) : 0x30;
          div /= 10;
        }
      }
      continue;
    }
    const base = kind * n;
    if (kind === YEAR) {
      for (let i = 0, p = at; i < n; i++, p += w) {
        const y = fields[base + i]!;
        const hi = (y / 100) | 0;
        const lo = y - hi * 100;
        out[p] = 0x30 + ((hi / 10) | 0);
        out[p + 1] = 0x30 + (hi % 10);
        out[p + 2] = 0x30 + ((lo / 10) | 0);
        out[p + 3] = 0x30 + (lo % 10);
      }
      continue;
    }
    for (let i = 0, p = at; i < n; i++, p += w) {
      const v = fields[base + i]!;
      const t = (v / 10) | 0;
      out[p] = 0x30 + t;
      out[p + 1] = 0x30 + v - t * 10;
    }
  }
  return out;
}
