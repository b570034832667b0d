import type { StructType } from "../types/data-type.js";

/** One CollectMetrics' values once an action ended: `values[i]` is metric `schema.fields[i]`. */
export interface ObservedMetrics {
  readonly name: string;
  readonly observationId?: string;
  readonly schema: StructType;
  readonly values: readonly unknown[];
}

/**
 * A session's observed metrics by Observation (df.observe): the first action that runs an
 * Observation's plan to its end records them, later ones do not change them (Spark's
 * Observation keeps its first result). Metrics observed under a bare name are kept by name,
 * the last action's.
 */
export class ObservationStore {
  private readonly byId = new Map<string, ObservedMetrics>();
  private readonly byName = new Map<string, ObservedMetrics>();

  /** Records one CollectMetrics' values. */
  record(m: ObservedMetrics): void {
    if (m.observationId === undefined) this.byName.set(m.name, m);
    else if (!this.byId.has(m.observationId)) this.byId.set(m.observationId, m);
  }

  /** The metrics an Observation received, undefined before its first action ended. */
  get(observationId: string): ObservedMetrics | undefined {
    return this.byId.get(observationId);
  }

  /** The last metrics observed under a bare name (`df.observe("name", …)`). */
  getByName(name: string): ObservedMetrics | undefined {
    return this.byName.get(name);
  }
}
