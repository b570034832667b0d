#!/usr/bin/env node
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { WORKER_THREADS_ENV } from "./engine/services.js";
import { serve } from "./server/serve.js";
import { ENGINE_VERSION } from "./server/version.js";

/** `tspark-engine`: `serve` runs the ZeroMQ engine server; `version` / `--version` print the version. */
await yargs(hideBin(process.argv))
  .scriptName("tspark-engine")
  // A repeated option takes its last value (`--host a --host b` binds b), never an array.
  .parserConfiguration({ "duplicate-arguments-array": false })
  .version(ENGINE_VERSION)
  .command(
    "serve",
    "Run the engine as a ZeroMQ server (loopback by default).",
    (y) =>
      y
        .option("host", { type: "string", default: "127.0.0.1", describe: "Interface to bind; non-loopback needs a token" })
        .option("port", { type: "number", default: 15002, describe: "TCP port; 0 picks a free one" })
        .option("token", { type: "string", describe: "Auth token clients must present (also env TSPARK_AUTH_TOKEN)" })
        .option("parent-pid", { type: "number", describe: "Exit when this process dies (polled every 500 ms)" })
        .option("session-timeout", { type: "number", describe: "Release a session after its client sent nothing for this many seconds (default 3600, as Spark Connect)" })
        .epilog(`Environment: ${WORKER_THREADS_ENV}=N limits the engine to N worker threads (default: one per core).`),
    async (argv) => {
      const token = argv.token ?? process.env["TSPARK_AUTH_TOKEN"] ?? undefined;
      const code = await serve({
        host: argv.host,
        port: argv.port,
        ...(token === undefined || token === "" ? {} : { token }),
        ...(argv["parent-pid"] === undefined ? {} : { parentPid: argv["parent-pid"] }),
        ...(argv["session-timeout"] === undefined ? {} : { sessionTimeoutMs: argv["session-timeout"] * 1000 }),
      });
      process.exit(code);
    },
  )
  .command("version", "Print the engine version.", {}, () => {
    process.stdout.write(`${ENGINE_VERSION}\n`);
  })
  .demandCommand(1, "Give a command, e.g. `tspark-engine serve --port 15002`.")
  .strict()
  .help()
  .parseAsync();
