/**
 * When a query runs its batches (Spark's Trigger): as soon as the last one ended (default),
 * every `intervalMs` (processingTime), one batch with everything available (once), or batches
 * until what is available at the start is processed (availableNow).
 */
export type Trigger =
  | { readonly kind: "default" }
  | { readonly kind: "processingTime"; readonly intervalMs: number }
  | { readonly kind: "once" }
  | { readonly kind: "availableNow" };
