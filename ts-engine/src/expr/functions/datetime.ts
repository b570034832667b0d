import type { ScalarFunctionDef } from "./function-def.js";
import { DATETIME_ARITH_FUNCTIONS } from "./datetime-arith.js";
import { DATETIME_CURRENT_FUNCTIONS } from "./datetime-current.js";
import { DATETIME_EPOCH_FUNCTIONS } from "./datetime-epoch.js";
import { DATETIME_EXTRACT_FUNCTIONS } from "./datetime-extract.js";
import { DATETIME_FIELD_FUNCTIONS } from "./datetime-fields.js";
import { DATETIME_FORMAT_FUNCTIONS } from "./datetime-format.js";
import { DATETIME_MAKE_FUNCTIONS } from "./datetime-make.js";
import { DATETIME_INTERVAL_FUNCTIONS } from "./datetime-interval.js";
import { DATETIME_ZONE_FUNCTIONS } from "./datetime-zone.js";

/**
 * Registry entries for every date and time function, by family (the files named datetime-*.ts).
 * All are session-dependent (zone or clock), so constant folding leaves them to run time.
 */
export const DATETIME_FUNCTIONS: readonly ScalarFunctionDef[] = [
  ...DATETIME_FIELD_FUNCTIONS,
  ...DATETIME_EXTRACT_FUNCTIONS,
  ...DATETIME_ARITH_FUNCTIONS,
  ...DATETIME_FORMAT_FUNCTIONS,
  ...DATETIME_EPOCH_FUNCTIONS,
  ...DATETIME_MAKE_FUNCTIONS,
  ...DATETIME_ZONE_FUNCTIONS,
  ...DATETIME_CURRENT_FUNCTIONS,
  ...DATETIME_INTERVAL_FUNCTIONS,
].map((d): ScalarFunctionDef => ({ ...d, sessionDependent: true }));
