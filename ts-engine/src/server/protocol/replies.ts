import type { SparkException } from "../../errors/spark-exception.js";
import type { StructType } from "../../types/data-type.js";
import { encodeStructType } from "./encode-type.js";

/** Reply maps (bridge/PROTOCOL.md "Replies"): `kind` first, then `id`. */
export type Reply = Readonly<Record<string, unknown>> & { readonly kind: string; readonly id: string };

/** `{kind:"error", …}` from a SparkException: the client rebuilds `exceptionName` with these fields. */
export function errorReply(id: string, e: SparkException): Reply {
  return {
    kind: "error",
    id,
    exceptionName: e.exceptionName,
    errorClass: e.errorClass,
    sqlState: e.sqlState,
    message: e.message,
    messageParameters: { ...e.messageParameters },
    ...(e.pythonTraceback === undefined ? {} : { pythonTraceback: e.pythonTraceback }),
  };
}

/** `{kind:"schema"}`: the result's StructType, sent before any chunk. */
export function schemaReply(id: string, schema: StructType): Reply {
  return { kind: "schema", id, schema: encodeStructType(schema) };
}

/** `{kind:"done"}`: the request finished (with the rows it streamed, for results). */
export function doneReply(id: string, numRows?: number): Reply {
  return numRows === undefined ? { kind: "done", id } : { kind: "done", id, numRows };
}

/** `{kind:"pong"}`: answer to ping. */
export function pongReply(id: string): Reply {
  return { kind: "pong", id };
}
