// Copied into dist/bundle/ by bundle.mjs. Runs a CommonJS bundle through V8's code cache: the
// first run compiles it and saves the compiled code under the user's cache directory; later runs
// of the same bundle file (same size and mtime, same Node) skip the compile.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

// A CommonJS bundle cannot import() inside a vm.Script without an experimental flag, so its
// imports of ES-module-only packages (bundle.mjs rewrites them) come through this module's import.
globalThis.__tsparkImport = (specifier) => import(specifier);

function cacheDir() {
  return process.env.TSPARK_CODE_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "tspark", "code-cache");
}

function save(dir, name, prefix, data) {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = join(dir, `${name}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, join(dir, name));
    // caches of earlier builds of this bundle
    for (const f of readdirSync(dir)) if (f.startsWith(prefix) && f !== name && !f.endsWith(".tmp")) rmSync(join(dir, f), { force: true });
  } catch {
    // a read-only or full cache directory only costs the compile next time
  }
}

/** Runs the CommonJS bundle at `url` and returns its exports. */
export function runCached(url) {
  const file = fileURLToPath(url);
  let source = readFileSync(file, "utf8");
  if (source.startsWith("#!")) source = `//${source.slice(2)}`;
  const st = statSync(file);
  const prefix = `${basename(file)}-`;
  const name = `${prefix}${st.size}-${Math.floor(st.mtimeMs)}-${process.version}-${process.arch}.v8`;
  const dir = cacheDir();
  let cachedData;
  try {
    cachedData = readFileSync(join(dir, name));
  } catch {
    cachedData = undefined;
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected === true) save(dir, name, prefix, script.createCachedData());
  return module.exports;
}
