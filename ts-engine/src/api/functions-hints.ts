// Plan hints written as functions (PySpark's broadcast(df)); no registry function. Typed by
// the one method used, not by DataFrame, whose module imports `functions` (an import cycle).

/** `df` with the BROADCAST join hint: a join on it broadcasts it whatever its size. */
export function broadcast<D extends { hint(name: string): D }>(df: D): D {
  return df.hint("broadcast");
}
