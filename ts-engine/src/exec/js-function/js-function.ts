import { JsFunctionException } from "../../errors/js-function-exception.js";
import { IllegalArgumentException } from "../../errors/spark-exception.js";

/**
 * A user's JavaScript function as it travels to the worker threads: its source text (the
 * function's own `toString()`), the values it reads from outside as named captures, and a
 * name for errors and explain. A closure's outer variables are not carried (a thread has its
 * own heap): whatever the function reads from outside must be passed in `captures`, which
 * are structured-cloned to every thread.
 */
export interface JsFunction {
  readonly name: string;
  readonly source: string;
  readonly captures: readonly (readonly [string, unknown])[];
}

/** A compiled function: called with the step's own arguments. */
export type CompiledJsFunction = (...args: never[]) => unknown;

/** Compiled capture-free functions of this thread, by source: each is compiled once per worker. */
const compiled = new Map<string, CompiledJsFunction>();

/** Identifier rules for capture names (they become parameters of the compiled wrapper). */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * `fn` as a JsFunction, checked on the caller's side: a native or bound function has no
 * source to ship, and a method shorthand (`f(x) { … }`) is not an expression on its own.
 */
export function jsFunctionOf(fn: (...args: never[]) => unknown, captures: Readonly<Record<string, unknown>> = {}): JsFunction {
  if (typeof fn !== "function") throw new IllegalArgumentException(`expected a JavaScript function, got ${typeof fn}`);
  const source = Function.prototype.toString.call(fn);
  const name = fn.name === "" ? "<anonymous>" : fn.name;
  if (/\{\s*\[native code\]\s*\}\s*$/.test(source)) {
    throw new IllegalArgumentException(`the function ${name} is native or bound: it has no source to run on the worker threads; wrap it, as (x) => ${name}(x)`);
  }
  for (const k of Object.keys(captures)) if (!IDENTIFIER.test(k)) throw new IllegalArgumentException(`capture name '${k}' is not an identifier`);
  const spec: JsFunction = { name, source, captures: Object.entries(captures) };
  compile(spec); // a syntax error (a method shorthand) is reported here, not on a worker
  return spec;
}

/**
 * The callable of `spec`, compiled on this thread: from the cache when it has no captures.
 * The source is evaluated as an expression in strict mode with the captures as parameters;
 * `sourceURL` names it in stacks.
 */
export function compile(spec: JsFunction): CompiledJsFunction {
  if (spec.captures.length === 0) {
    const hit = compiled.get(spec.source);
    if (hit !== undefined) return hit;
  }
  const names = spec.captures.map(([k]) => k);
  let made: unknown;
  try {
    const factory = new Function(...names, `"use strict";\nreturn (${spec.source}\n);\n//# sourceURL=tspark-fn:${spec.name.replace(/\s/g, "_")}`);
    made = factory(...spec.captures.map(([, v]) => v));
  } catch (e) {
    throw new IllegalArgumentException(
      `the source of the function ${spec.name} is not a function expression (a method shorthand, or a class method?): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (typeof made !== "function") throw new IllegalArgumentException(`the source of ${spec.name} does not evaluate to a function`);
  const fn = made as CompiledJsFunction;
  if (spec.captures.length === 0) compiled.set(spec.source, fn);
  return fn;
}

/** Wraps an error thrown by user function `name` (keeping its stack); engine errors pass through. */
export function userError(name: string, e: unknown): JsFunctionException {
  return e instanceof JsFunctionException ? e : new JsFunctionException(name, e);
}
