import { DateType, IntegerType, StringType, TimestampType } from "../../types/data-type.js";
import { castVector } from "../eval/cast.js";
import { civilFromDays, daysFromCivil, zoneOffsetSeconds } from "../eval/datetime.js";
import { broadcast } from "../eval/vectors.js";
import { castInvalidInput } from "../eval/errors.js";
import { exprNullable, exprType } from "../expr-type.js";
import { checkArity, implicitCast, scalarCall, type ScalarFunctionDef, doc, type FunctionDoc } from "./function-def.js";
import { mapRows } from "./row-map.js";
import type { Expr } from "../expr.js";

function dateArg(a: Expr): Expr {
  const t = exprType(a);
  return t.kind === "date" ? a : implicitCast(a, DateType);
}

function datePart(name: string, pick: (ymd: [number, number, number]) => number, doc: FunctionDoc): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 1);
      return scalarCall(name, [dateArg(args[0]!)], IntegerType, exprNullable(args[0]!));
    },
    eval(args) {
      return mapRows(args, IntegerType, ([d]) => pick(civilFromDays(d as number)));
    },
  };
}

/** Parses text with a Java-style date pattern (yyyy, MM, dd, HH, mm, ss); null when it does not match. */
function parseWithPattern(s: string, pattern: string): [number, number] | null {
  const order: string[] = [];
  const re = pattern.replace(/yyyy|yy|MM|M|dd|d|HH|H|mm|m|ss|s|'[^']*'|[.*+?^${}()|[\]\\]/g, (tok) => {
    if (tok.startsWith("'")) return tok.slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (/^[.*+?^${}()|[\]\\]$/.test(tok)) return `\\${tok}`;
    order.push(tok[0]!);
    return tok === "yyyy" ? "(\\d{4})" : "(\\d{1,2})";
  });
  const m = new RegExp(`^${re}$`).exec(s.trim());
  if (m === null) return null;
  const f: Record<string, number> = { y: 1970, M: 1, d: 1, H: 0, m: 0, s: 0 };
  order.forEach((k, i) => (f[k] = Number(m[i + 1])));
  return [daysFromCivil(f["y"]!, f["M"]!, f["d"]!), f["H"]! * 3600 + f["m"]! * 60 + f["s"]!];
}

/** to_date(x) is a cast; to_date(x, fmt) parses with the pattern (ANSI: bad input raises). */
const TO_DATE: ScalarFunctionDef = {
  kind: "scalar",
  name: "to_date",
  doc: doc("to_date(date_str[, fmt])", "Parses `date_str` to a date, with the datetime pattern `fmt` if given."),
  resolve(_n, args) {
    checkArity("to_date", args, 1, 2);
    const rest = args.slice(1).map((a) => implicitCast(a, StringType));
    return scalarCall("to_date", [args.length === 1 ? dateArg(args[0]!) : implicitCast(args[0]!, StringType), ...rest], DateType, true);
  },
  eval(args, _call, ctx) {
    if (args.length === 1) return castVector(args[0]!, DateType, ctx);
    return mapRows(args, DateType, ([s, fmt]) => {
      const r = parseWithPattern(s as string, fmt as string);
      if (r === null && ctx.ansi) throw castInvalidInput(s as string, StringType, DateType);
      return r === null ? null : r[0];
    });
  },
};

function nowParts(tz: string): [number, number] {
  const nowMs = Date.now();
  const local = Math.floor(nowMs / 1000) + zoneOffsetSeconds(nowMs, tz);
  return [Math.floor(local / 86400), nowMs * 1000];
}

/** current_date() / current_timestamp(): evaluated per batch (Spark fixes them per query). */
function current(name: string, doc: FunctionDoc): ScalarFunctionDef {
  const isDate = name === "current_date";
  return {
    kind: "scalar",
    name,
    doc,
    resolve(_n, args) {
      checkArity(name, args, 0);
      return scalarCall(name, [], isDate ? DateType : TimestampType, false);
    },
    eval(_args, _call, ctx, numRows) {
      const [days, us] = nowParts(ctx.timeZone);
      return isDate ? broadcast(DateType, days, numRows) : broadcast(TimestampType, us, numRows);
    },
  };
}

/** Registry entries for date functions. */
export const DATETIME_FUNCTIONS: readonly ScalarFunctionDef[] = [
  datePart("year", ([y]) => y, doc("year(date)", "Returns the year of the date or timestamp.")),
  datePart("month", ([, m]) => m, doc("month(date)", "Returns the month (1-12) of the date or timestamp.")),
  datePart("dayofmonth", ([, , d]) => d, doc("dayofmonth(date)", "Returns the day of month (1-31) of the date or timestamp.")),
  datePart("day", ([, , d]) => d, doc("day(date)", "Returns the day of month (1-31) of the date or timestamp.")),
  TO_DATE,
  current("current_date", doc("current_date()", "Returns the current date (session time zone) at the start of query evaluation.")),
  current("current_timestamp", doc("current_timestamp()", "Returns the current timestamp at the start of query evaluation.")),
];
