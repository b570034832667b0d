import { SparkException } from "./spark-exception.js";

/**
 * An error thrown by a user's JavaScript function (an RDD step or a JS UDF of the Node API),
 * the Node counterpart of PythonException: the message names the function and carries the
 * error's own stack, so the caller sees where in the function it was thrown, even when it
 * ran on a worker thread (whose error reaches the caller as a SparkException with this text).
 */
export class JsFunctionException extends SparkException {
  constructor(functionName: string, cause: unknown) {
    const detail = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : `Uncaught ${String(cause)}`;
    const rawMessage = `An exception was thrown from the JavaScript function ${functionName}:\n${detail}`;
    super("JsFunctionException", "", { message: rawMessage }, { rawMessage, sqlState: "38000" });
  }
}
