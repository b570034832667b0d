// Bundles the compiled engine (dist/, from tsc) into dist/bundle/, so that a process or worker
// thread loads a few files instead of ~900 (dist's modules and the pure-JS dependencies):
// - cli.cjs and worker-main.cjs: CommonJS bundles that cli.js and worker-main.js (small ES-module
//   stubs) run through cached-loader.js, which keeps V8's compiled code between runs;
// - parent-watchdog-thread.js: an ES module, for the CLI's watchdog thread.
// The Node API's export stays dist/index.js (not bundled): bundling renames identifiers (size ->
// size2) inside engine-made JS functions that travel to the worker threads as source with their
// captures named, which breaks them.
// Native addons and packages that load .wasm files beside themselves stay external. Every file is
// flat in dist/bundle/, two levels under ts-engine/ as dist/'s own modules are, so that
// `new URL("./worker-main.js", import.meta.url)` and `../../package.json` resolve alike.
// Measured on the 2-core dev machine (CPU of importing the engine, load 10-20): dist/ 860-1,100 ms,
// an ES-module bundle 270-400 ms, the CommonJS bundle with its code cache 210-300 ms.
import { build } from "esbuild";
import { chmodSync, copyFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const outdir = `${dist}bundle`;
const external = ["zeromq", "node-calls-python", "msgpackr-extract", "@bokuweb/zstd-wasm", "libxml2-wasm", "libbzip2-wasm"];
const common = { bundle: true, platform: "node", target: "node20", outdir, external, logLevel: "warning" };

rmSync(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { "parent-watchdog-thread": `${dist}server/parent-watchdog-thread.js` },
  format: "esm",
  // bundled CommonJS dependencies call require(); an ES module has none of its own
  banner: { js: 'import { createRequire as __tsparkCreateRequire } from "node:module"; const require = __tsparkCreateRequire(import.meta.url);' },
});

const dynamicImport = new RegExp(`\\bimport\\((["'])(${external.join("|")})\\1\\)`, "g");
await build({
  ...common,
  entryPoints: { cli: `${dist}cli.js`, "worker-main": `${dist}exec/scheduler/worker-main.js` },
  format: "cjs",
  outExtension: { ".js": ".cjs" },
  define: { "import.meta.url": "__tsparkModuleUrl" },
  banner: { js: 'const __tsparkModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [
    {
      name: "external-dynamic-imports",
      setup(b) {
        b.onLoad({ filter: /\/dist\/.*\.js$/ }, (args) => ({
          contents: readFileSync(args.path, "utf8").replace(dynamicImport, "globalThis.__tsparkImport($1$2$1)"),
          loader: "js",
        }));
      },
    },
  ],
});

copyFileSync(fileURLToPath(new URL("./cached-loader.mjs", import.meta.url)), `${outdir}/cached-loader.js`);
const stub = (name, shebang) =>
  `${shebang ? "#!/usr/bin/env node\n" : ""}import { runCached } from "./cached-loader.js";\nrunCached(new URL("./${name}.cjs", import.meta.url));\n`;
writeFileSync(`${outdir}/cli.js`, stub("cli", true), { mode: 0o755 });
chmodSync(`${outdir}/cli.js`, 0o755);
writeFileSync(`${outdir}/worker-main.js`, stub("worker-main", false));
