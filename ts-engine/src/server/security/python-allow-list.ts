import { realpathSync } from "node:fs";
import { isAbsolute } from "node:path";

/**
 * The interpreters an engine may run Python code with (`serve --python`, or PYSPARK_PYTHON,
 * else `python3`). A plan's pickled code runs as the engine's user, so the binary that runs it is
 * the engine's choice: a client may ask for one (spark.pyspark.python, or the handshake's
 * pythonExec: its own interpreter) and gets it only when it is listed; otherwise its session runs
 * the engine's default, the first entry. Spark Connect likewise runs UDFs with the server's
 * spark.pyspark.python, whatever the client runs.
 */
export class PythonAllowList {
  private readonly resolved: ReadonlyMap<string, string>;

  constructor(readonly interpreters: readonly string[]) {
    if (interpreters.length === 0) throw new Error("the Python allow-list needs at least one interpreter");
    this.resolved = new Map(interpreters.map((p) => [resolve(p), p]));
  }

  /** The engine's default interpreter. */
  get defaultInterpreter(): string {
    return this.interpreters[0]!;
  }

  /** The listed interpreter `requested` names (same path, or the same file through links), else undefined. */
  match(requested: string): string | undefined {
    if (this.interpreters.includes(requested)) return requested;
    return this.resolved.get(resolve(requested));
  }
}

/** An absolute path through its symlinks (a venv's python is a link); a bare name as is. */
function resolve(p: string): string {
  if (!isAbsolute(p)) return p;
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
