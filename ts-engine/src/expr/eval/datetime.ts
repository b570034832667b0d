/**
 * Calendar helpers for DateType (days since 1970-01-01) and TimestampType (microseconds since
 * the epoch, UTC), proleptic Gregorian as Spark 3+; wall-clock conversion uses the session zone.
 */

/** Days since epoch → [year, month 1–12, day]. (Howard Hinnant's civil_from_days.) */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return [y, m, d];
}

/** [year, month, day] → days since epoch. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function pad(n: number, w: number): string {
  const s = String(Math.abs(n)).padStart(w, "0");
  return n < 0 ? `-${s}` : s;
}

/** `2024-01-02`, as Spark casts a date to string. */
export function formatDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `tz` from UTC at the given UTC instant, in seconds. */
export function zoneOffsetSeconds(utcMillis: number, tz: string): number {
  if (tz === "UTC" || tz === "GMT" || tz === "Z" || tz === "Etc/UTC") return 0;
  let f = formatters.get(tz);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      era: "short",
    });
    formatters.set(tz, f);
  }
  const ms = Math.floor(utcMillis / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  let y = Number(parts["year"]);
  if (parts["era"] === "BC" || parts["era"] === "B") y = 1 - y;
  const local = daysFromCivil(y, Number(parts["month"]), Number(parts["day"])) * 86400 +
    Number(parts["hour"]) * 3600 + Number(parts["minute"]) * 60 + Number(parts["second"]);
  return local - ms / 1000;
}

/** `2024-01-02 03:04:05.123` in `tz`: fraction trimmed of trailing zeros, as Spark's timestamp cast. */
export function formatTimestamp(micros: number | bigint, tz: string): string {
  const us = typeof micros === "bigint" ? micros : BigInt(Math.round(micros));
  const secs = us >= 0n ? us / 1000000n : -((-us + 999999n) / 1000000n);
  const frac = Number(us - secs * 1000000n);
  const s = Number(secs);
  const local = s + zoneOffsetSeconds(s * 1000, tz);
  const days = Math.floor(local / 86400);
  const sod = local - days * 86400;
  const hh = Math.floor(sod / 3600);
  const mi = Math.floor((sod % 3600) / 60);
  const ss = sod % 60;
  let out = `${formatDate(days)} ${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}`;
  if (frac !== 0) out += `.${String(frac).padStart(6, "0").replace(/0+$/, "")}`;
  return out;
}

/** Wall-clock fields in `tz` → microseconds since the epoch (UTC). */
export function zonedToMicros(days: number, secondOfDay: number, micros: number, tz: string): number {
  const local = days * 86400 + secondOfDay;
  let guess = local - zoneOffsetSeconds(local * 1000, tz);
  guess = local - zoneOffsetSeconds(guess * 1000, tz);
  return guess * 1000000 + micros;
}

/** Parses Spark date text (`2024`, `2024-1`, `2024-01-02`, optionally followed by a time part); null if malformed. */
export function parseDate(s: string): number | null {
  const m = /^([+-]?\d{4,7})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ].*)?)?)?$/.exec(s.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? 1 : Number(m[2]);
  const d = m[3] === undefined ? 1 : Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return daysFromCivil(y, mo, d);
}

function daysInMonth(y: number, m: number): number {
  return daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
}

/** Parses Spark timestamp text (`2024-01-02 03:04:05.123456`, optional `T`, optional `Z`) in `tz`; null if malformed. */
export function parseTimestamp(s: string, tz: string): number | null {
  const m = /^([+-]?\d{4,7})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,9}))?)?)?\s*(Z|UTC)?$/.exec(s.trim());
  if (m === null) {
    const d = parseDate(s);
    return d === null || /[T ]/.test(s.trim()) ? null : zonedToMicros(d, 0, 0, tz);
  }
  const days = parseDate(`${m[1]}-${m[2]}-${m[3]}`);
  if (days === null) return null;
  const hh = Number(m[4] ?? 0);
  const mi = Number(m[5] ?? 0);
  const ss = Number(m[6] ?? 0);
  if (hh > 23 || mi > 59 || ss > 59) return null;
  const us = Number((m[7] ?? "").padEnd(6, "0").slice(0, 6) || "0");
  return zonedToMicros(days, hh * 3600 + mi * 60 + ss, us, m[8] !== undefined ? "UTC" : tz);
}
