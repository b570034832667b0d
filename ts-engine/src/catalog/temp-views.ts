import type { ParsedPlan } from "../plan/parsed-plan.js";

/** A temporary view: its name as created, and its plan with every relation it read inlined. */
export interface TempView {
  readonly name: string;
  readonly plan: ParsedPlan;
}

/**
 * Temporary views by name, case-insensitively as Spark's SessionCatalog keys them. One
 * instance per session holds its temp views; one per engine holds the global temp views
 * (the `global_temp` database), shared by every session.
 */
export class TempViews {
  private readonly views = new Map<string, TempView>();

  get(name: string): TempView | undefined {
    return this.views.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.views.has(name.toLowerCase());
  }

  /** Adds or replaces a view. */
  set(view: TempView): void {
    this.views.set(view.name.toLowerCase(), view);
  }

  /** Drops a view; whether it existed. */
  delete(name: string): boolean {
    return this.views.delete(name.toLowerCase());
  }

  /** The views, ordered by name as SHOW TABLES lists them. */
  list(): TempView[] {
    return [...this.views.values()].sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0));
  }
}
