import { parentPort, workerData } from "node:worker_threads";

/**
 * The parent-pid watchdog's thread (started by parent-watchdog.ts): polls the parent pid, and once
 * the parent is gone tells the main thread, then kills this process after the grace period in case
 * the main event loop is blocked and never sees the message.
 */
interface WatchdogData {
  readonly parentPid: number;
  readonly intervalMs: number;
  readonly graceMs: number;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else
    return e instanceof Error && "code" in e && e.code === "EPERM";
  }
}

const { parentPid, intervalMs, graceMs } = workerData as WatchdogData;
const timer = setInterval(() => {
  if (alive(parentPid)) return;
  clearInterval(timer);
  parentPort?.postMessage("parent-gone");
  setTimeout(() => process.kill(process.pid, "SIGKILL"), graceMs);
}, intervalMs);
