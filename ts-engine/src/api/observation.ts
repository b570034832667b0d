import { randomUUID } from "node:crypto";
import { PySparkAssertionError, PySparkTypeError, PySparkValueError } from "./errors.js";
import type { ObservationStore } from "../exec/observation-store.js";

/** What an Observation reads its metrics from: the SparkSession that ran the observed frame. */
interface ObservingSession {
  readonly observationStore: ObservationStore;
}

/**
 * PySpark's Observation: named metrics that `df.observe(observation, ...exprs)` computes over
 * the rows an action runs through the frame. The first action that runs it to its end sets
 * them; later actions do not change them. `get` is `{}` until then.
 */
export class Observation {
  private nameValue: string | undefined;
  private id: string | undefined;
  private session: ObservingSession | undefined;

  constructor(name?: string) {
    if (name !== undefined) {
      if (typeof name !== "string") throw new PySparkTypeError("NOT_STR", { arg_name: "name", arg_type: typeof name });
      if (name === "") throw new PySparkValueError("VALUE_NOT_NON_EMPTY_STR", { arg_name: "name", arg_value: name });
    }
    this.nameValue = name;
  }

  /** @internal the metrics' name and this observation's id for its one df.observe. */
  attach(): { readonly name: string; readonly id: string } {
    if (this.id !== undefined) throw new PySparkAssertionError("REUSE_OBSERVATION");
    this.nameValue ??= randomUUID();
    this.id = randomUUID();
    return { name: this.nameValue, id: this.id };
  }

  /** @internal the session whose actions report the metrics. */
  observedIn(session: ObservingSession): void {
    this.session = session;
  }

  /** The observed metrics by name (PySpark's `Observation.get`). */
  get get(): Record<string, unknown> {
    if (this.id === undefined || this.session === undefined) throw new PySparkAssertionError("NO_OBSERVE_BEFORE_GET");
    const m = this.session.observationStore.get(this.id);
    const out: Record<string, unknown> = {};
    if (m !== undefined) m.schema.fields.forEach((f, i) => (out[f.name] = m.values[i]));
    return out;
  }
}
