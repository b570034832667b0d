// Bundles the compiled engine (dist/, from tsc) into dist/bundle/: one ES module per entry plus
// shared chunks, so that a process or worker thread loads a few files instead of ~900 (dist's
// modules and the pure-JS dependencies). Measured on the 2-core dev machine: importing the engine
// took 860–1,100 ms of CPU from dist/ and 270–400 ms from the bundle; every worker thread pays the
// same again at its first task. Native addons and packages that load .wasm files beside themselves
// stay external. Entry file names are kept flat so that `new URL("./worker-main.js", import.meta.url)`
// and `../../package.json` resolve from a chunk as they do from dist/'s own modules.
import { build } from "esbuild";
import { chmodSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const outdir = `${dist}bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: {
    cli: `${dist}cli.js`,
    index: `${dist}index.js`,
    "worker-main": `${dist}exec/scheduler/worker-main.js`,
    "parent-watchdog-thread": `${dist}server/parent-watchdog-thread.js`,
  },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // yargs finds its locales and the main package.json relative to its own files
  external: ["yargs", "zeromq", "node-calls-python", "msgpackr-extract", "@bokuweb/zstd-wasm", "libxml2-wasm", "libbzip2-wasm"],
  // bundled CommonJS dependencies call require(); an ES module has none of its own
  banner: { js: 'import { createRequire as __tsparkCreateRequire } from "node:module"; const require = __tsparkCreateRequire(import.meta.url);' },
  logLevel: "warning",
});
chmodSync(`${outdir}/cli.js`, 0o755);
