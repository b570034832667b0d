import { IllegalArgumentException } from "../../errors/spark-exception.js";

const UNIT_MS: Readonly<Record<string, number>> = {
  us: 0.001, ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000,
};

const WORD_UNIT: Readonly<Record<string, string>> = {
  microsecond: "us", millisecond: "ms", second: "s", minute: "m", hour: "h", day: "d", week: "w",
};

/**
 * A time string as Spark reads a duration: JavaUtils.timeStringAsMs's "10s", "500ms", "1m" (a
 * bare number in `bareUnit`), or an interval's "1 second", "10 minutes", "interval 2 hours".
 */
export function durationMs(text: string, bareUnit: "ms" | "s" = "ms"): number {
  const words = /^\s*(?:interval\s+)?(\d+)\s+([a-z]+?)s?\s*$/i.exec(text);
  if (words !== null && WORD_UNIT[words[2]!.toLowerCase()] !== undefined) {
    const unit = WORD_UNIT[words[2]!.toLowerCase()]!;
    return Number(words[1]) * (unit === "w" ? 7 * 86_400_000 : UNIT_MS[unit]!);
  }
  const m = /^\s*(\d+)\s*([a-z]*)\s*$/i.exec(text);
  if (m === null) throw new IllegalArgumentException(`Invalid time string: ${text}`);
  const unit = (m[2] ?? "").toLowerCase() || bareUnit;
  const scale = UNIT_MS[unit];
  if (scale === undefined) throw new IllegalArgumentException(`Invalid suffix: "${unit}"`);
  return Number(m[1]) * scale;
}

/** Whole seconds of a time string (a bare number is seconds), as JavaUtils.timeStringAsSec. */
export function durationSeconds(text: string): number {
  return Math.floor(durationMs(text, "s") / 1000);
}
