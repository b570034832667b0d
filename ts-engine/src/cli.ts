#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { WORKER_THREADS_ENV } from "./engine/services.js";
import { setProfileOutput, sinkFor } from "./exec/metrics/profile-output.js";
import { runKeysCommand } from "./server/security/keys-command.js";
import { readTokenFile } from "./server/security/token-file.js";
import { serve } from "./server/serve.js";
import { ENGINE_VERSION } from "./server/version.js";

/**
 * `tspark-engine`: `serve` runs the ZeroMQ engine server; `keys` makes and lists CURVE key pairs;
 * `version` / `--version` print the version.
 */
void yargs(hideBin(process.argv))
  .scriptName("tspark-engine")
  // A repeated option takes its last value (`--host a --host b` binds b), never an array.
  .parserConfiguration({ "duplicate-arguments-array": false })
  .version(ENGINE_VERSION)
  .command(
    "serve",
    "Run the engine as a ZeroMQ server (loopback by default).",
    (y) =>
      y
        .option("host", { type: "string", default: "127.0.0.1", describe: "Interface to bind; non-loopback needs --curve-keys and --allow" })
        .option("port", { type: "number", default: 15002, describe: "TCP port; 0 picks a free one" })
        .option("token", { type: "string", describe: "Auth token clients must present. Visible in ps: prefer env TSPARK_AUTH_TOKEN or --token-file" })
        .option("token-file", { type: "string", describe: "Read the auth token from this file (mode 0600). With no token on loopback, one is generated into ~/.tspark/run/engine-<port>.token" })
        .option("curve-keys", { type: "string", describe: "Encrypt and authenticate with CURVE: the directory holding server.key (tspark-engine keys generate DIR)" })
        .option("allow", { type: "string", describe: "With --curve-keys: file of client public keys to admit, one per line (.pub files concatenated)" })
        .option("python", { type: "string", array: true, describe: "Interpreter(s) sessions may run Python with; the first is the default (default: PYSPARK_PYTHON, else python3)" })
        .option("max-frame-mb", { type: "number", describe: "Largest message a client may send, in MiB (default 1024)" })
        .option("max-partitions", { type: "number", describe: "Most partitions a plan may ask for (default 100000)" })
        .option("max-local-rows", { type: "number", describe: "Most rows of local data (createDataFrame) in one plan (default 20000000)" })
        .option("max-depth", { type: "number", describe: "Deepest nesting of a message (default and most 2500)" })
        .option("parent-pid", { type: "number", describe: "Exit when this process dies (polled every 500 ms)" })
        .option("session-timeout", { type: "number", describe: "Release a session after its client sent nothing for this many seconds (default 3600, as Spark Connect)" })
        .option("profile", { type: "string", describe: "Write each query's plan with per-operator metrics (rows, batches, time, peak memory) as it ends: to stderr, or to the file given (env TSPARK_PROFILE)" })
        .epilog(`Environment: ${WORKER_THREADS_ENV}=N limits the engine to N worker threads (default: one per core); TSPARK_AUTH_TOKEN is the auth token; TSPARK_RUNTIME_DIR moves the generated token file.`),
    async (argv) => {
      if (argv.profile !== undefined) setProfileOutput(sinkFor(argv.profile));
      if (argv.token !== undefined) process.stderr.write("[tspark-engine] warning: --token is visible to every local user in ps; use TSPARK_AUTH_TOKEN or --token-file\n");
      let token = argv.token ?? process.env["TSPARK_AUTH_TOKEN"] ?? undefined;
      if (argv["token-file"] !== undefined) {
        try {
          token = readTokenFile(argv["token-file"]);
        } catch (e) {
          process.stderr.write(`[tspark-engine] ${e instanceof Error ? e.message : String(e)}\n`);
          process.exit(2);
        }
      }
      const code = await serve({
        host: argv.host,
        port: argv.port,
        ...(token === undefined || token === "" ? {} : { token }),
        ...(argv["parent-pid"] === undefined ? {} : { parentPid: argv["parent-pid"] }),
        ...(argv["session-timeout"] === undefined ? {} : { sessionTimeoutMs: argv["session-timeout"] * 1000 }),
        ...(argv["curve-keys"] === undefined ? {} : { curveKeys: argv["curve-keys"] }),
        ...(argv.allow === undefined ? {} : { allow: argv.allow }),
        ...(argv.python === undefined ? {} : { python: argv.python.map(String) }),
        ...(argv["max-frame-mb"] === undefined ? {} : { maxFrameBytes: Math.floor(argv["max-frame-mb"] * 1024 * 1024) }),
        limits: {
          ...(argv["max-partitions"] === undefined ? {} : { maxPartitions: argv["max-partitions"] }),
          ...(argv["max-local-rows"] === undefined ? {} : { maxLocalRows: argv["max-local-rows"] }),
          ...(argv["max-depth"] === undefined ? {} : { maxDepth: argv["max-depth"] }),
        },
      });
      process.exit(code);
    },
  )
  .command(
    "keys <action> <dir>",
    "CURVE keys: `keys generate DIR [--name N]` writes DIR/N.key (0600) and DIR/N.pub; `keys list DIR` prints each pair's public key.",
    (y) =>
      y
        .positional("action", { choices: ["generate", "list"] as const, demandOption: true })
        .positional("dir", { type: "string", demandOption: true })
        .option("name", { type: "string", default: "server", describe: "Name of the pair to generate (server, or a client's name)" }),
    (argv) => {
      process.exit(runKeysCommand(argv.action, argv.dir, argv.name, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`[tspark-engine] ${l}\n`)));
    },
  )
  .command("version", "Print the engine version.", {}, () => {
    process.stdout.write(`${ENGINE_VERSION}\n`);
  })
  .demandCommand(1, "Give a command, e.g. `tspark-engine serve --port 15002`.")
  .strict()
  .help()
  .parseAsync();
