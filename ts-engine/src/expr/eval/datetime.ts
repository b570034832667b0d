import { floorDiv } from "../datetime/civil.js";
import { readTimestampBytes, parseDateBytes, splitMicros, writeDate, writeTime, type TimestampFields } from "../datetime/timestamp-text.js";
import { zoneRulesOrUtc, type ZoneRules } from "../datetime/zone-rules.js";
import { civilFromDays } from "../datetime/civil.js";

/**
 * One-value helpers for DateType (days since 1970-01-01) and TimestampType (microseconds since
 * the epoch, UTC), for the row-at-a-time paths (show, literals, nested values): the same
 * calendar, zone rules and text forms as the vectorised kernels in cast-datetime.ts.
 */

export { civilFromDays, daysFromCivil } from "../datetime/civil.js";

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const scratch = new Uint8Array(64);

/** `2024-01-02`, as Spark casts a date to string. */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return decoder.decode(scratch.subarray(0, writeDate(scratch, 0, y, m, d)));
}

/** Offset of `tz` from UTC at the given UTC instant, in seconds. */
export function zoneOffsetSeconds(utcMillis: number, tz: string): number {
  return zoneRulesOrUtc(tz).offsetAt(floorDiv(utcMillis, 1000));
}

/** `2024-01-02 03:04:05.123` in `tz`: fraction trimmed of trailing zeros, as Spark's timestamp cast. */
export function formatTimestamp(micros: number | bigint, tz: string): string {
  return formatTimestampIn(micros, zoneRulesOrUtc(tz));
}

/** formatTimestamp with the zone's rules already looked up. */
export function formatTimestampIn(micros: number | bigint, zone: ZoneRules): string {
  let secs: number;
  let frac: number;
  if (typeof micros === "bigint") {
    const s = micros >= 0n ? micros / 1000000n : -((-micros + 999999n) / 1000000n);
    secs = Number(s);
    frac = Number(micros - s * 1000000n);
  } else [secs, frac] = splitMicros(micros);
  const local = secs + zone.offsetAt(secs);
  const days = floorDiv(local, 86400);
  const [y, m, d] = civilFromDays(days);
  let pos = writeDate(scratch, 0, y, m, d);
  pos = writeTime(scratch, pos, local - days * 86400, frac);
  return decoder.decode(scratch.subarray(0, pos));
}

/** Wall-clock fields in `tz` → microseconds since the epoch (UTC), gaps and overlaps as Java. */
export function zonedToMicros(days: number, secondOfDay: number, micros: number, tz: string): number {
  return zoneRulesOrUtc(tz).localToUtc(days * 86400 + secondOfDay) * 1e6 + micros;
}

/** Parses Spark date text (`2024`, `2024-1`, `2024-01-02`, optionally followed by a time part); null if malformed. */
export function parseDate(s: string): number | null {
  const b = encoder.encode(s);
  const d = parseDateBytes(b, 0, b.length);
  return Number.isNaN(d) ? null : d;
}

const fields: TimestampFields = { days: 0, secondOfDay: 0, micros: 0, zone: null };

/**
 * Parses Spark timestamp text (stringToTimestamp: `2024-01-02 03:04:05.123456`, `T`, a zone
 * suffix, a time alone on today's date) in `tz`; null if malformed. `ntz` ignores the zone
 * suffix, as a cast to TIMESTAMP_NTZ does.
 */
export function parseTimestamp(s: string, tz: string, ntz = false, todayDays?: number): number | bigint | null {
  const b = encoder.encode(s);
  if (!readTimestampBytes(b, 0, b.length, fields)) return null;
  const secs = resolveSeconds(fields, zoneRulesOrUtc(tz), ntz, todayDays);
  const us = secs * 1e6 + fields.micros;
  // Past ±2^53 µs (before 1685, after 2255) the value is kept exact as a BigInt.
  return Math.abs(us) <= Number.MAX_SAFE_INTEGER ? us : BigInt(secs) * 1000000n + BigInt(fields.micros);
}

/** Epoch seconds of parsed timestamp fields in `zone` (or the zone the text named); add f.micros. */
export function resolveSeconds(f: TimestampFields, zone: ZoneRules, ntz: boolean, todayDays?: number): number {
  const z = f.zone ?? zone;
  let days = f.days;
  if (Number.isNaN(days)) {
    // A time alone is on today's date in the zone (Spark's current date there).
    const nowSec = Math.floor(Date.now() / 1000);
    days = todayDays ?? floorDiv(nowSec + z.offsetAt(nowSec), 86400);
  }
  const local = days * 86400 + f.secondOfDay;
  return ntz ? local : z.localToUtc(local);
}
