import type { DataType } from "../../types/data-type.js";
import type { JoinHint, JoinStrategyHint, JoinType } from "../../plan/logical-plan.js";

/** Which side of a join a hash join builds its table from (or a broadcast ships). */
export type BuildSide = "left" | "right";

/** The physical strategy of an equi-join, as Spark's JoinSelection picks it. */
export type EquiJoinChoice =
  | { readonly strategy: "broadcast"; readonly build: BuildSide }
  | { readonly strategy: "shuffled"; readonly build: BuildSide }
  | { readonly strategy: "sortMerge" };

/** What JoinSelection looks at besides the hints. */
export interface JoinSizes {
  readonly joinType: JoinType;
  /** Estimated output bytes of each side (Spark's sizeInBytes statistics). */
  readonly leftSize: number;
  readonly rightSize: number;
  /** spark.sql.autoBroadcastJoinThreshold in bytes (-1: no broadcast by size). */
  readonly broadcastThreshold: number;
  /** spark.sql.join.preferSortMergeJoin. */
  readonly preferSortMerge: boolean;
  /** spark.sql.shuffle.partitions. */
  readonly shufflePartitions: number;
  /** Whether every key type can be sorted (Spark's RowOrdering.isOrderable). */
  readonly orderable: boolean;
}

/** Join types a broadcast of the given side can serve (Spark's canBuildBroadcastLeft/Right). */
export function canBroadcast(side: BuildSide, jt: JoinType): boolean {
  if (side === "right") return jt === "inner" || jt === "cross" || jt === "left" || jt === "left_semi" || jt === "left_anti";
  return jt === "inner" || jt === "cross" || jt === "right";
}

/** Join types a shuffled hash join can build on the given side (Spark's canBuildShuffledHashJoinLeft/Right). */
export function canBuildShuffled(side: BuildSide, jt: JoinType): boolean {
  if (side === "right") return jt !== "right";
  return jt === "inner" || jt === "cross" || jt === "right" || jt === "full";
}

/** Spark's getBuildSide: the smaller side when both may build (the right on a tie). */
export function pickSide(canLeft: boolean, canRight: boolean, leftSize: number, rightSize: number): BuildSide | null {
  if (canLeft && canRight) return rightSize <= leftSize ? "right" : "left";
  if (canRight) return "right";
  if (canLeft) return "left";
  return null;
}

/** Whether values of a type can be sorted (types/orderable.ts, shared with the analyzer). */
export { isOrderable } from "../../types/orderable.js";

const has = (h: JoinStrategyHint | undefined, s: JoinStrategyHint): boolean => h === s;

/**
 * Spark 4's JoinSelection for a join with equi-keys. Without hints: a broadcast hash join
 * when a side that may be broadcast is under the threshold; else a shuffled hash join only
 * when spark.sql.join.preferSortMergeJoin is off and a side both fits a local hash map
 * (under threshold × shuffle partitions) and is 3× smaller than the other; else a
 * sort-merge join (a shuffled hash join when the keys cannot be sorted). With hints:
 * BROADCAST, then SHUFFLE_MERGE, then SHUFFLE_HASH on a side that can serve the join
 * type, and the choice without hints when none can.
 */
export function selectEquiJoin(s: JoinSizes, hint: JoinHint | undefined): EquiJoinChoice {
  const jt = s.joinType;
  const broadcastBy = (onlyHint: boolean): EquiJoinChoice | null => {
    const small = (size: number): boolean => s.broadcastThreshold >= 0 && size <= s.broadcastThreshold;
    const left = onlyHint ? has(hint?.left, "broadcast") : small(s.leftSize);
    const right = onlyHint ? has(hint?.right, "broadcast") : small(s.rightSize);
    const build = pickSide(canBroadcast("left", jt) && left, canBroadcast("right", jt) && right, s.leftSize, s.rightSize);
    return build === null ? null : { strategy: "broadcast", build };
  };
  const shuffledBy = (onlyHint: boolean): EquiJoinChoice | null => {
    // canBuildLocalHashMapBySize and muchSmaller (spark.sql.shuffledHashJoinFactor = 3)
    const fits = (a: number, b: number): boolean =>
      !s.preferSortMerge && s.broadcastThreshold >= 0 && a < s.broadcastThreshold * s.shufflePartitions && a * 3 <= b;
    const left = onlyHint ? has(hint?.left, "shuffle_hash") : fits(s.leftSize, s.rightSize);
    const right = onlyHint ? has(hint?.right, "shuffle_hash") : fits(s.rightSize, s.leftSize);
    const build = pickSide(canBuildShuffled("left", jt) && left, canBuildShuffled("right", jt) && right, s.leftSize, s.rightSize);
    return build === null ? null : { strategy: "shuffled", build };
  };
  const sortMerge = (): EquiJoinChoice | null => (s.orderable ? { strategy: "sortMerge" } : null);
  const withoutHint = (): EquiJoinChoice =>
    broadcastBy(false) ??
    shuffledBy(false) ??
    sortMerge() ?? { strategy: "shuffled", build: pickSide(canBuildShuffled("left", jt), canBuildShuffled("right", jt), s.leftSize, s.rightSize) ?? "right" };
  if (hint === undefined || (hint.left === undefined && hint.right === undefined)) return withoutHint();
  const mergeHinted = has(hint.left, "shuffle_merge") || has(hint.right, "shuffle_merge");
  return broadcastBy(true) ?? (mergeHinted ? sortMerge() : null) ?? shuffledBy(true) ?? withoutHint();
}
