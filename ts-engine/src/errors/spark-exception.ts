import { CONDITIONS } from "./conditions.js";

/**
 * Base of every error the engine raises on purpose. `exceptionName` is the PySpark
 * class the client rebuilds (AnalysisException, ParseException, PythonException,
 * ArithmeticException, NumberFormatException, IllegalArgumentException,
 * PySparkTypeError, PySparkValueError, SparkRuntimeException, ...).
 */
export class SparkException extends Error {
  readonly exceptionName: string;
  readonly errorClass: string;
  readonly sqlState: string;
  readonly messageParameters: Readonly<Record<string, string>>;
  /** Original Python traceback, for errors raised inside user Python code. */
  readonly pythonTraceback: string | undefined;

  constructor(
    exceptionName: string,
    errorClass: string,
    messageParameters: Readonly<Record<string, string>> = {},
    opts: { pythonTraceback?: string; sqlState?: string; rawMessage?: string } = {},
  ) {
    const cond = CONDITIONS[errorClass];
    const sqlState = opts.sqlState ?? cond?.sqlState ?? "XX000";
    const body = formatTemplate(cond?.template ?? "<message>", messageParameters);
    // Spark's legacy conditions (_LEGACY_ERROR_TEMP_*) carry their text alone: no class, no SQLSTATE
    super(opts.rawMessage ?? (errorClass.startsWith("_LEGACY_ERROR_") ? body : `[${errorClass}] ${body} SQLSTATE: ${sqlState}`));
    this.name = exceptionName;
    this.exceptionName = exceptionName;
    this.errorClass = errorClass;
    this.sqlState = sqlState;
    this.messageParameters = messageParameters;
    this.pythonTraceback = opts.pythonTraceback;
  }
}

export function formatTemplate(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/<([a-zA-Z0-9_]+)>/g, (m, k: string) => params[k] ?? m);
}

export class AnalysisException extends SparkException {
  constructor(errorClass: string, params: Readonly<Record<string, string>> = {}) {
    super("AnalysisException", errorClass, params);
  }
}

export class ParseException extends SparkException {
  constructor(errorClass: string, params: Readonly<Record<string, string>> = {}) {
    super("ParseException", errorClass, params);
  }
}

export class PythonException extends SparkException {
  constructor(message: string, traceback: string) {
    super("PythonException", "PYTHON_EXCEPTION", { message }, { pythonTraceback: traceback });
  }
}

/**
 * Spark's `require(...)` failures (`requirement failed: ...`): no error class, as in
 * PySpark, where getCondition() is None for them.
 */
export class IllegalArgumentException extends SparkException {
  constructor(message: string) {
    super("IllegalArgumentException", "", { message }, { rawMessage: message, sqlState: "" });
  }
}

/** An engine bug: never the user's fault. */
export class InternalError extends SparkException {
  constructor(message: string) {
    super("SparkRuntimeException", "INTERNAL_ERROR", { message });
  }
}

/** A malformed plan or message from a client. */
export class InvalidPlanInput extends SparkException {
  constructor(message: string) {
    super("SparkConnectGrpcException", "INVALID_PLAN_INPUT", { message });
  }
}

/** Wraps anything thrown into a SparkException, so the wire always gets a typed error. */
export function toSparkException(e: unknown): SparkException {
  if (e instanceof SparkException) return e;
  const msg = e instanceof Error ? e.message : String(e);
  // a plan within the frame-depth ceiling can still be too deep for some phase's recursion: the
  // client's plan is the cause, and the engine is unharmed (the stack unwound)
  if (e instanceof RangeError && msg.includes("call stack")) {
    return new InvalidPlanInput("the plan is nested too deeply for the engine (maximum call stack size exceeded); split the query into smaller steps (for example, cache or checkpoint an intermediate DataFrame)");
  }
  return new InternalError(msg);
}
