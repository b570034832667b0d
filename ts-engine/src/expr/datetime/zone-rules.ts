import { SparkException } from "../../errors/spark-exception.js";
import { daysFromCivil } from "./civil.js";

/**
 * A time zone's offset rules, as Java's `ZoneRules`: the offset in force at an instant, and
 * the instant a local wall-clock time names (DST gaps and overlaps resolved as
 * `ZonedDateTime.ofLocal` does). All times are whole seconds since the epoch.
 */
export interface ZoneRules {
  /** The zone id as Spark normalises it (`America/Los_Angeles`, `+05:30`, `UTC`). */
  readonly id: string;
  /** Offset from UTC, in seconds, at the UTC instant `epochSecond`. */
  offsetAt(epochSecond: number): number;
  /**
   * The UTC instant of local wall-clock time `localSecond` (local days × 86400 + second of
   * day). In a gap (spring forward) the time moves forward by the gap's length; in an overlap
   * (fall back) the earlier offset, the one before the transition, wins, as in Java.
   */
  localToUtc(localSecond: number): number;
}

/** A zone whose offset never changes (`+05:30`, `UTC`, `GMT-8`). */
class FixedOffsetRules implements ZoneRules {
  constructor(
    readonly id: string,
    private readonly offset: number,
  ) {}
  offsetAt(): number {
    return this.offset;
  }
  localToUtc(localSecond: number): number {
    return localSecond - this.offset;
  }
}

// Intl's Date range is ±8.64e15 ms; instants beyond it take the offset at the edge.
const INTL_LIMIT = 8.64e12 - 86400 * 2;
/** Transitions are found per chunk of 2^25 s (~388 days), sampled every 2^18 s (~3 days). */
const CHUNK_BITS = 25;
const CHUNK = 2 ** CHUNK_BITS;
const STEP = 2 ** 18;

interface Chunk {
  /** Offset at the chunk's start. */
  readonly startOffset: number;
  /** UTC instants where the offset changes inside the chunk, ascending, and the offset from each on. */
  readonly at: readonly number[];
  readonly offsets: readonly number[];
}

/**
 * A region zone (`Europe/Berlin`) whose offsets come from the host's ICU time-zone data through
 * Intl, which knows the same IANA rules as Java's tzdb (LMT before standard time included).
 * One Intl call costs ~13 µs, far too slow per row, so each ~year of instants is scanned once
 * for its transitions (sampled every ~3 days, then bisected to the second) and cached; a
 * lookup is then a cached-interval check, or a map lookup and a short scan.
 */
class RegionRules implements ZoneRules {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly chunks = new Map<number, Chunk>();
  // The interval [lo, hi) and its offset from the last lookup: rows of a batch are usually close.
  private lo = 1;
  private hi = 0;
  private off = 0;

  constructor(
    region: string,
    readonly id: string,
  ) {
    this.fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: region,
      hourCycle: "h23",
      era: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
  }

  offsetAt(epochSecond: number): number {
    if (epochSecond >= this.lo && epochSecond < this.hi) return this.off;
    return this.lookup(epochSecond);
  }

  localToUtc(localSecond: number): number {
    const before = this.offsetAt(localSecond - 86400);
    const after = this.offsetAt(localSecond + 86400);
    if (before === after) return localSecond - before;
    // A transition lies near: keep the offset before it when valid (an overlap, or no
    // ambiguity), else the one after; in a gap neither is valid and the earlier offset shifts
    // the time forward by the gap, as ZonedDateTime.ofLocal does.
    if (this.offsetAt(localSecond - before) === before) return localSecond - before;
    if (this.offsetAt(localSecond - after) === after) return localSecond - after;
    return localSecond - before;
  }

  private lookup(s: number): number {
    const clamped = Math.max(-INTL_LIMIT, Math.min(INTL_LIMIT, s));
    const key = Math.floor(clamped / CHUNK);
    let c = this.chunks.get(key);
    if (c === undefined) {
      c = this.scan(key * CHUNK);
      this.chunks.set(key, c);
    }
    let lo = key * CHUNK;
    let off = c.startOffset;
    let hi = lo + CHUNK;
    for (let i = 0; i < c.at.length; i++) {
      const t = c.at[i]!;
      if (clamped >= t) {
        lo = t;
        off = c.offsets[i]!;
      } else {
        hi = t;
        break;
      }
    }
    if (s !== clamped) {
      lo = s;
      hi = s + 1;
    }
    this.lo = lo;
    this.hi = hi;
    this.off = off;
    return off;
  }

  private scan(start: number): Chunk {
    const at: number[] = [];
    const offsets: number[] = [];
    const startOffset = this.intlOffset(start);
    let prevT = start;
    let prevOff = startOffset;
    for (let t = start + STEP; t <= start + CHUNK; t += STEP) {
      const o = this.intlOffset(Math.min(t, start + CHUNK - 1));
      if (o !== prevOff) {
        // Bisect (prevT, t] to the first second with the new offset.
        let a = prevT;
        let b = Math.min(t, start + CHUNK - 1);
        while (b - a > 1) {
          const m = Math.floor((a + b) / 2);
          if (this.intlOffset(m) === prevOff) a = m;
          else b = m;
        }
        at.push(b);
        offsets.push(o);
        prevOff = o;
      }
      prevT = t;
    }
    return { startOffset, at, offsets };
  }

  private intlOffset(s: number): number {
    let y = 0;
    let mo = 1;
    let d = 1;
    let h = 0;
    let mi = 0;
    let sec = 0;
    let bc = false;
    for (const p of this.fmt.formatToParts(s * 1000)) {
      switch (p.type) {
        case "year":
          y = Number(p.value);
          break;
        case "month":
          mo = Number(p.value);
          break;
        case "day":
          d = Number(p.value);
          break;
        case "hour":
          h = Number(p.value);
          break;
        case "minute":
          mi = Number(p.value);
          break;
        case "second":
          sec = Number(p.value);
          break;
        case "era":
          bc = p.value === "BC" || p.value === "B";
          break;
        default:
          break;
      }
    }
    if (bc) y = 1 - y;
    return daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec - s;
  }
}

const OFFSET_RE = /^([+-])(\d{1,2})(?::?(\d{2})(?::?(\d{2}))?)?$/;

/** Seconds of an offset text (`+8`, `+08`, `-0830`, `+08:30:15`), or null when malformed/out of ±18h. */
function parseOffset(text: string): number | null {
  const m = OFFSET_RE.exec(text);
  if (m === null) return null;
  const h = Number(m[2]);
  const mi = Number(m[3] ?? 0);
  const s = Number(m[4] ?? 0);
  if (h > 18 || mi > 59 || s > 59) return null;
  const total = h * 3600 + mi * 60 + s;
  if (total > 18 * 3600) return null;
  return m[1] === "-" ? -total : total;
}

/** Java's ZoneOffset id: `Z`, `+08:00`, `-05:30`, `+08:00:15`. */
export function offsetId(seconds: number): string {
  if (seconds === 0) return "Z";
  const a = Math.abs(seconds);
  const hh = String(Math.floor(a / 3600)).padStart(2, "0");
  const mm = String(Math.floor((a % 3600) / 60)).padStart(2, "0");
  const ss = a % 60;
  return `${seconds < 0 ? "-" : "+"}${hh}:${mm}${ss === 0 ? "" : `:${String(ss).padStart(2, "0")}`}`;
}

/**
 * Java's ZoneId.SHORT_IDS, which Spark passes to ZoneId.of: three-letter ids map to a region or
 * a fixed offset.
 */
const SHORT_IDS: Readonly<Record<string, string>> = {
  ACT: "Australia/Darwin",
  AET: "Australia/Sydney",
  AGT: "America/Argentina/Buenos_Aires",
  ART: "Africa/Cairo",
  AST: "America/Anchorage",
  BET: "America/Sao_Paulo",
  BST: "Asia/Dhaka",
  CAT: "Africa/Harare",
  CNT: "America/St_Johns",
  CST: "America/Chicago",
  CTT: "Asia/Shanghai",
  EAT: "Africa/Addis_Ababa",
  ECT: "Europe/Paris",
  IET: "America/Indiana/Indianapolis",
  IST: "Asia/Kolkata",
  JST: "Asia/Tokyo",
  MIT: "Pacific/Apia",
  NET: "Asia/Yerevan",
  NST: "Pacific/Auckland",
  PLT: "Asia/Karachi",
  PNT: "America/Phoenix",
  PRT: "America/Puerto_Rico",
  PST: "America/Los_Angeles",
  SST: "Pacific/Guadalcanal",
  VST: "Asia/Ho_Chi_Minh",
  EST: "-05:00",
  MST: "-07:00",
  HST: "-10:00",
};

const cache = new Map<string, ZoneRules | null>();

/**
 * The rules of a zone id as Spark's DateTimeUtils.getZoneId reads it (ZoneId.of with
 * SHORT_IDS, after padding a one-digit hour, `+8:00` → `+08:00`), or null when Java would
 * reject the id. Cached per id, so the transition tables are built once per zone.
 */
export function zoneRules(rawId: string): ZoneRules | null {
  const hit = cache.get(rawId);
  if (hit !== undefined) return hit;
  const r = buildRules(rawId);
  cache.set(rawId, r);
  return r;
}

function buildRules(rawId: string): ZoneRules | null {
  const id = rawId.replace(/^([+-])(\d):/, "$10$2:");
  const short = SHORT_IDS[id];
  if (short !== undefined) return short.startsWith("-") ? new FixedOffsetRules(short, parseOffset(short)!) : regionRules(short, short);
  if (id === "Z") return new FixedOffsetRules("Z", 0);
  if (id.startsWith("+") || id.startsWith("-")) {
    const off = parseOffset(id);
    return off === null ? null : new FixedOffsetRules(offsetId(off), off);
  }
  const prefixed = /^(UTC|GMT|UT)([+-].*)?$/.exec(id);
  if (prefixed !== null) {
    if (prefixed[2] === undefined) return new FixedOffsetRules(prefixed[1]!, 0);
    const off = parseOffset(prefixed[2]);
    if (off === null) return null;
    return new FixedOffsetRules(off === 0 ? prefixed[1]! : `${prefixed[1]}${offsetId(off)}`, off);
  }
  // Java region ids: letters, digits, `/`, `_`, `+`, `-`, `~`, `.`; case-sensitive, unlike Intl.
  if (!/^[A-Za-z][A-Za-z0-9~/._+-]+$/.test(id)) return null;
  return regionRules(id, id);
}

function regionRules(region: string, id: string): ZoneRules | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: region }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // Intl matches ids case-insensitively and Java does not: a difference in case alone is a
  // misspelling Java rejects (an alias Intl canonicalises, Asia/Calcutta → Asia/Kolkata, is not).
  if (resolved !== region && resolved.toLowerCase() === region.toLowerCase()) return null;
  return new RegionRules(region, id);
}

/** The rules of `id`, for ids already validated (the session zone); UTC when unknown. */
export function zoneRulesOrUtc(id: string): ZoneRules {
  return zoneRules(id) ?? UTC_RULES;
}

/** UTC's rules. */
export const UTC_RULES: ZoneRules = new FixedOffsetRules("UTC", 0);

/**
 * Spark's check on `spark.conf.set("spark.sql.session.timeZone", v)`: the value must name a
 * zone, else IllegalArgumentException INVALID_CONF_VALUE.TIME_ZONE (other keys pass).
 */
export function checkTimeZoneConf(key: string, value: string): void {
  if (key !== "spark.sql.session.timeZone" || zoneRules(value) !== null) return;
  throw new SparkException("IllegalArgumentException", "INVALID_CONF_VALUE.TIME_ZONE", { confValue: value, confName: key });
}
