import type { LogicalPlan } from "../../plan/logical-plan.js";

/**
 * A plain-data (structured-clonable) description of a narrow pipeline over leaf sources,
 * sent to a worker thread with a partition index: the resolved, optimized logical
 * subtree, and whether its root Aggregate runs as the partial half of a hash aggregation.
 */
export interface Fragment {
  readonly plan: LogicalPlan;
  readonly partialAggregate: boolean;
}

/** A task for a worker: run one partition of a fragment under the session's conf. */
export interface FragmentTask {
  readonly type: "run";
  readonly taskId: number;
  readonly fragment: Fragment;
  readonly partition: number;
  readonly conf: readonly (readonly [string, string])[];
}

/** Messages a worker sends back. Errors carry the SparkException's fields. */
export type WorkerReply =
  | { readonly type: "batch"; readonly taskId: number; readonly batch: import("../../columnar/batch.js").ColumnBatch }
  | { readonly type: "done"; readonly taskId: number }
  | {
      readonly type: "error";
      readonly taskId: number;
      readonly exceptionName: string;
      readonly errorClass: string;
      readonly params: Readonly<Record<string, string>>;
      readonly sqlState: string;
      readonly message: string;
    };

/** Messages the main thread sends besides tasks. */
export type WorkerControl =
  | { readonly type: "ack"; readonly taskId: number }
  | { readonly type: "cancel"; readonly taskId: number };
