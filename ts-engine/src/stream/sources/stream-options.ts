import { IllegalArgumentException } from "../../errors/spark-exception.js";

/** A source's or sink's options as the user gave them (keys case-insensitive, as Spark's CaseInsensitiveMap). */
export type StreamOptions = readonly (readonly [string, string])[];

/** The option `key` (case-insensitive), the last one given winning. */
export function optionOf(options: StreamOptions, key: string): string | undefined {
  const k = key.toLowerCase();
  let found: string | undefined;
  for (const [name, value] of options) if (name.toLowerCase() === k) found = value;
  return found;
}

/** An integer option; a value that is not one is Spark's IllegalArgumentException. */
export function longOption(options: StreamOptions, key: string, fallback: number): number {
  const v = optionOf(options, key);
  if (v === undefined) return fallback;
  const n = Number(v.trim());
  if (!Number.isInteger(n)) throw new IllegalArgumentException(`Invalid value '${v}' for option '${key}', must be an integer`);
  return n;
}

/** A boolean option ("true"/"false", case-insensitive). */
export function boolOption(options: StreamOptions, key: string, fallback: boolean): boolean {
  const v = optionOf(options, key);
  if (v === undefined) return fallback;
  const s = v.trim().toLowerCase();
  if (s !== "true" && s !== "false") throw new IllegalArgumentException(`${key} should be boolean, but was ${v}`);
  return s === "true";
}
