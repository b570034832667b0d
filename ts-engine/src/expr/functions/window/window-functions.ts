import type { WindowFunctionDef } from "../function-def.js";
import { OFFSET_FUNCTIONS } from "./offset.js";
import { RANKING_FUNCTIONS } from "./ranking.js";
import { MERGE_SESSIONS } from "./merge-sessions.js";

/** Every window function's registry entry (aggregates over windows are the aggregate entries). */
export const WINDOW_FUNCTIONS: readonly WindowFunctionDef[] = [...RANKING_FUNCTIONS, ...OFFSET_FUNCTIONS, MERGE_SESSIONS];
