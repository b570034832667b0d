import { userInfo } from "node:os";
import { expectStorage, type Vector } from "../../columnar/vector.js";
import { SparkException } from "../../errors/spark-exception.js";
import { LongType, NullType, StringType } from "../../types/data-type.js";
import { simpleString } from "../../types/type-names.js";
import { broadcast, nullVector } from "../eval/vectors.js";
import { exprPrettySql } from "../expr-string.js";
import { exprType } from "../expr-type.js";
import type { Expr } from "../expr.js";
import { checkArity, doc, scalarCall, type ScalarFunctionDef } from "./function-def.js";
import { coerceArgs, lit } from "./row-function.js";

// Session and runtime information (version, current user, database, catalog), typeof, and the
// functions that raise errors on purpose (assert_true, raise_error).

/** Spark's version() text: the release and the commit it was built from (4.0.1's). */
const SPARK_VERSION_TEXT = "4.0.1 29434ea766b0fc3c3bf6eee9f0f6f0ec2c64a6c3";

/** The user name Spark reports: the OS user the engine runs as (Spark's user.name). */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env["USER"] ?? "";
  }
}

/** A function of no arguments with one constant value per session. */
function constant(name: string, display: string, value: () => unknown, type: typeof StringType | typeof LongType, description: string): ScalarFunctionDef {
  return {
    kind: "scalar",
    name,
    doc: doc(`${name}()`, description),
    resolve(_n, args) {
      checkArity(name, args, 0);
      return scalarCall(display, [], type, false);
    },
    eval(_args, call, _ctx, numRows) {
      return broadcast(call.dataType, value(), numRows);
    },
  };
}

function userRaised(message: string): SparkException {
  return new SparkException("SparkRuntimeException", "USER_RAISED_EXCEPTION", { errorMessage: message });
}

const TYPEOF: ScalarFunctionDef = {
  kind: "scalar",
  name: "typeof",
  doc: doc("typeof(expr)", "Returns the DDL name of the type of `expr` (`int`, `array<string>` …)."),
  resolve(_n, args) {
    checkArity("typeof", args, 1);
    return scalarCall("typeof", args, StringType, false);
  },
  eval(_args, call, _ctx, numRows) {
    return broadcast(StringType, simpleString(exprType(call.args[0]!)), numRows);
  },
};

const ASSERT_TRUE: ScalarFunctionDef = {
  kind: "scalar",
  name: "assert_true",
  doc: doc("assert_true(expr[, message])", "Returns null if `expr` is true; otherwise raises USER_RAISED_EXCEPTION with `message` (by default `'<expr>' is not true!`)."),
  resolve(_n, given) {
    checkArity("assert_true", given, 1, 2);
    const [cond] = coerceArgs("assert_true", given.slice(0, 1), ["boolean"], NullType);
    const message: Expr = given[1] === undefined ? lit(`'${exprPrettySql(given[0]!)}' is not true!`, StringType) : coerceArgs("assert_true", given.slice(1), ["string"], NullType)[0]!;
    return scalarCall("assert_true", [cond!, message], NullType, true);
  },
  eval([c, m], _call, _ctx, numRows) {
    const bits = expectStorage(c!, "bool").data;
    for (let i = 0; i < numRows; i++) {
      const ok = (c!.validity === null || c!.validity[i] === 1) && bits[i] === 1;
      if (!ok) {
        const msg = m!.validity !== null && m!.validity[i] === 0 ? "null" : readString(m!, i);
        throw userRaised(msg);
      }
    }
    return nullVector(NullType, numRows);
  },
};

function readString(v: Vector, i: number): string {
  if (v.storage !== "utf8") return "";
  const { offsets, bytes } = v.data;
  return new TextDecoder().decode(bytes.subarray(offsets[i]!, offsets[i + 1]!));
}

const RAISE_ERROR: ScalarFunctionDef = {
  kind: "scalar",
  name: "raise_error",
  doc: doc("raise_error(message)", "Raises USER_RAISED_EXCEPTION with `message`."),
  resolve(_n, given) {
    checkArity("raise_error", given, 1);
    const args = coerceArgs("raise_error", given, ["string"], NullType);
    return scalarCall("raise_error", [lit("USER_RAISED_EXCEPTION", StringType), ...args], NullType, true);
  },
  eval([, m], _call, _ctx, numRows) {
    if (numRows > 0) throw userRaised(m!.validity !== null && m!.validity[0] === 0 ? "null" : readString(m!, 0));
    return nullVector(NullType, numRows);
  },
};

/** Registry entries for session information, typeof and error-raising functions. */
export const SESSION_INFO_FUNCTIONS: readonly ScalarFunctionDef[] = [
  constant("version", "version", () => SPARK_VERSION_TEXT, StringType, "Returns the Spark version this engine follows and its commit."),
  constant("current_user", "current_user", currentUser, StringType, "Returns the name of the user running the engine."),
  constant("user", "user", currentUser, StringType, "Returns the name of the user running the engine (same as current_user)."),
  constant("session_user", "session_user", currentUser, StringType, "Returns the name of the user running the engine (same as current_user)."),
  constant("current_database", "current_schema", () => "default", StringType, "Returns the current database (schema)."),
  constant("current_schema", "current_schema", () => "default", StringType, "Returns the current schema."),
  constant("current_catalog", "current_catalog", () => "spark_catalog", StringType, "Returns the current catalog."),
  constant("input_file_name", "input_file_name", () => "", StringType, "Returns the name of the file being read, or an empty string when the rows come from no file."),
  constant("input_file_block_start", "input_file_block_start", () => -1, LongType, "Returns the start offset of the file block being read, or -1."),
  constant("input_file_block_length", "input_file_block_length", () => -1, LongType, "Returns the length of the file block being read, or -1."),
  TYPEOF,
  ASSERT_TRUE,
  RAISE_ERROR,
];
