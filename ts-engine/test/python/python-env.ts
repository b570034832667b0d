import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function hasCloudpickle(exe: string): boolean {
  const r = spawnSync(exe, ["-c", "import cloudpickle, msgpack"], { stdio: "ignore" });
  return r.status === 0;
}

/**
 * The interpreter tests run workers with: $TSPARK_TEST_PYTHON, else the project's .venv.
 * `skipReason` says why Python tests cannot run (neither has cloudpickle + msgpack).
 * Workers find `tspark.worker` through TSPARK_PYTHONPATH = <repo>/python.
 */
export const testPython: { readonly exe: string; readonly skipReason: string | null } = (() => {
  process.env.TSPARK_PYTHONPATH = path.join(repoRoot, "python");
  const candidates = [process.env.TSPARK_TEST_PYTHON, path.join(repoRoot, ".venv/bin/python")].filter(
    (c): c is string => c !== undefined && c !== "",
  );
  for (const exe of candidates) if (hasCloudpickle(exe)) return { exe, skipReason: null };
  return { exe: "", skipReason: `no Python with cloudpickle+msgpack (tried ${candidates.join(", ") || "none"}; set TSPARK_TEST_PYTHON)` };
})();

function runPython(code: string, args: readonly string[], input?: Buffer): Buffer {
  const r = spawnSync(testPython.exe, ["-c", code, ...args], {
    input,
    env: { ...process.env, PYTHONPATH: path.join(repoRoot, "python"), PYTHONHASHSEED: "0" },
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr.toString()}`);
  return r.stdout;
}

/** cloudpickle.dumps(eval(src)) — e.g. `pickled("lambda x: x + 1")`. */
export function pickled(src: string): Uint8Array {
  return new Uint8Array(runPython("import cloudpickle, sys; sys.stdout.buffer.write(cloudpickle.dumps(eval(sys.argv[1])))", [src]));
}

/** pickle.dumps(eval(src)) of a list literal, as a Parallelize partition blob. */
export function pickledList(src: string): Uint8Array {
  return new Uint8Array(runPython("import pickle, sys; sys.stdout.buffer.write(pickle.dumps(list(eval(sys.argv[1]))))", [src]));
}

/** repr() of every element of the pickled lists, concatenated: what a Python client would collect. */
export function unpickleRepr(blobs: readonly Uint8Array[]): string {
  const input = Buffer.from(JSON.stringify(blobs.map((b) => Buffer.from(b).toString("base64"))));
  const code = "import pickle, sys, json, base64\nout=[]\nfor b in json.load(sys.stdin): out.extend(pickle.loads(base64.b64decode(b)))\nprint(repr(out), end='')";
  return runPython(code, [], input).toString();
}
