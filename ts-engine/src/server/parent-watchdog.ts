import { Worker } from "node:worker_threads";

/**
 * Starts the parent-pid watchdog on its own thread (parent-watchdog-thread.ts): `onParentGone` runs
 * on the main thread when the parent exits (it closes sessions and Python workers and exits), and
 * the process is killed `graceMs` later if it still runs, because its event loop is blocked by a
 * long synchronous step and never saw the message. On the main event loop alone the check would
 * wait for that same loop, and an embedded engine would outlive its killed client.
 */
export function startParentWatchdog(parentPid: number, onParentGone: () => void, intervalMs = 500, graceMs = 5000): Worker {
  const worker = new Worker(new URL("./parent-watchdog-thread.js", import.meta.url), { workerData: { parentPid, intervalMs, graceMs }, execArgv: [] });
  worker.on("message", () => onParentGone());
  return worker;
}
