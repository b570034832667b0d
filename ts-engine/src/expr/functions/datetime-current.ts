import { DateType, TimestampNTZType, TimestampType, type DataType } from "../../types/data-type.js";
import { floorDiv } from "../datetime/civil.js";
import { zoneRulesOrUtc } from "../datetime/zone-rules.js";
import { broadcast } from "../eval/vectors.js";
import { checkArity, doc, scalarCall, type FunctionDoc, type ScalarFunctionDef } from "./function-def.js";

/**
 * The current date and time: current_date/curdate (session-zone date), current_timestamp/now
 * (the instant), localtimestamp (the session-zone wall clock, TIMESTAMP_NTZ). Evaluated per
 * batch; Spark fixes them once per query, so values can differ by the query's run time.
 */

type Now = "date" | "instant" | "local";

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
      const nowUs = Date.now() * 1000;
      if (what === "instant") return broadcast(type, nowUs, numRows);
      const s = floorDiv(nowUs, 1e6);
      const local = s + zoneRulesOrUtc(ctx.timeZone).offsetAt(s);
      if (what === "date") return broadcast(type, floorDiv(local, 86400), numRows);
      return broadcast(type, local * 1e6 + (nowUs - s * 1e6), numRows);
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
