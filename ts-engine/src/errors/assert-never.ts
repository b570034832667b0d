import { InternalError } from "./spark-exception.js";

/**
 * The `default` arm of every switch over a discriminated union's `kind`: a new variant
 * that some switch does not handle is a compile error there (its value is not `never`),
 * and should an unchecked value slip through at run time it is an engine bug.
 */
export function assertNever(x: never): never {
  throw new InternalError(`unexpected variant: ${describe(x)}`);
}

function describe(x: unknown): string {
  if (typeof x === "object" && x !== null && "kind" in x) return String((x as { kind: unknown }).kind);
  return String(x);
}
