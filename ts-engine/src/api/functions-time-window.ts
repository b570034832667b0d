import { Column as ColumnClass, type Column } from "./column.js";
import { toColumn, type ColumnOrName } from "./column-or-name.js";
import { PySparkTypeError } from "./errors.js";
import { invoke, invokeExprs, litArg } from "./invoke.js";

// Time windows (Spark's TimeWindow, SessionWindow, WindowTime), with PySpark's argument checks;
// the engine's analyzer rewrites them into the columns they stand for.

function checkDuration(v: unknown, name: string): string {
  // PySpark's check_string_field: an empty string fails too
  if (typeof v !== "string" || v === "") throw new PySparkTypeError("NOT_STR", { arg_name: name, arg_type: v === null || v === undefined ? "NoneType" : typeof v });
  return v;
}

/**
 * window(timeColumn, windowDuration, slideDuration?, startTime?): the struct<start, end> of the
 * time window (tumbling, or sliding by `slideDuration`) each row falls in, e.g. "10 minutes".
 */
export function window(timeColumn: ColumnOrName, windowDuration: string, slideDuration?: string, startTime?: string): Column {
  const ts = toColumn(timeColumn).expr;
  // Spark's functions.window fills in the slide (the window) and the start ("0 second")
  const durations = [checkDuration(windowDuration, "windowDuration"), windowDuration, "0 second"];
  if (slideDuration !== undefined && slideDuration !== "") durations[1] = checkDuration(slideDuration, "slideDuration");
  if (startTime !== undefined && startTime !== "") durations[2] = checkDuration(startTime, "startTime");
  return invokeExprs("window", [ts, ...durations.map(litArg)]);
}

/** session_window(timeColumn, gapDuration): the session [ts, ts + gap) a row opens; grouped by, overlapping sessions merge. */
export function session_window(timeColumn: ColumnOrName, gapDuration: Column | string): Column {
  const ts = toColumn(timeColumn).expr;
  if (typeof gapDuration !== "string" && !(gapDuration instanceof ColumnClass)) {
    throw new PySparkTypeError("NOT_COLUMN_OR_STR", { arg_name: "gapDuration", arg_type: gapDuration === null || gapDuration === undefined ? "NoneType" : typeof gapDuration });
  }
  return invokeExprs("session_window", [ts, typeof gapDuration === "string" ? litArg(gapDuration) : gapDuration.expr]);
}

/** window_time(windowColumn): a time or session window's event time, its end minus one microsecond. */
export function window_time(windowColumn: ColumnOrName): Column {
  return invoke("window_time", windowColumn);
}
