import { DateType, TimestampNTZType, TimestampType, type DataType } from "../../types/data-type.js";
import { floorDiv } from "../datetime/civil.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { broadcast } from "../eval/vectors.js";
import type { Literal } from "../expr.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";

/**
 * The current date and time: current_date/curdate (session-zone date), current_timestamp/now
 * (the instant), localtimestamp (the session-zone wall clock, TIMESTAMP_NTZ). The optimizer's
 * ComputeCurrentTime fixes them to one instant per query, as Spark does; the kernel below
 * only runs where that rule did not (an excluded rule, an operator it does not rewrite).
 */

type Now = "date" | "instant" | "local";

const NOW_OF: Readonly<Record<string, Now>> = { current_date: "date", current_timestamp: "instant", now: "instant", localtimestamp: "local" };

/** What a current-time function gives at the instant `nowUs` (µs since the epoch) in `timeZone`. */
function nowValue(what: Now, nowUs: number, timeZone: string): number {
  if (what === "instant") return nowUs;
  const s = floorDiv(nowUs, 1e6);
  const local = s + zoneRulesOrUtc(timeZone).offsetAt(s);
  if (what === "date") return floorDiv(local, 86400);
  return local * 1e6 + (nowUs - s * 1e6);
}

/**
 * The literal a resolved current-time call (`fn` as the registry shows it) stands for at
 * `nowUs`, or undefined when `fn` is not one: Spark's ComputeCurrentTime replacement.
 */
export function currentTimeLiteral(fn: string, nowUs: number, timeZone: string): Literal | undefined {
  const what = NOW_OF[fn];
  if (what === undefined) return undefined;
  const dataType: DataType = what === "date" ? DateType : what === "instant" ? TimestampType : TimestampNTZType;
  return { kind: "Literal", value: nowValue(what, nowUs, timeZone), dataType };
}

function currentDef(name: string, shown: string, what: Now, d: FunctionDoc): ScalarFunctionDef {
  const type: DataType = what === "date" ? DateType : what === "instant" ? TimestampType : TimestampNTZType;
  return {
    kind: "scalar",
    name,
    doc: d,
    resolve(_n, args) {
      checkArity(name, args, 0);
      return scalarCall(shown, [], type, false);
    },
    eval(_args, _call, ctx, numRows) {
      return broadcast(type, nowValue(what, Date.now() * 1000, ctx.timeZone), numRows);
    },
  };
}

/** Registry entries for the current date and time. */
export const DATETIME_CURRENT_FUNCTIONS: readonly ScalarFunctionDef[] = [
  currentDef("current_date", "current_date", "date", doc("current_date()", "Returns the current date (session time zone) at the start of query evaluation.")),
  currentDef("curdate", "current_date", "date", doc("curdate()", "Returns the current date (session time zone) at the start of query evaluation.")),
  currentDef("current_timestamp", "current_timestamp", "instant", doc("current_timestamp()", "Returns the current timestamp at the start of query evaluation.")),
  currentDef("now", "now", "instant", doc("now()", "Returns the current timestamp at the start of query evaluation.")),
  currentDef("localtimestamp", "localtimestamp", "local", doc("localtimestamp()", "Returns the current timestamp without time zone (the session-zone wall clock) at the start of query evaluation.")),
];
