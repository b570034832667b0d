/** The environment variable that sets the worker threads' nice value (0–19; default WORKER_NICE). */
export const WORKER_NICE_ENV = "TSPARK_WORKER_NICE";

/**
 * Default nice value of a worker thread. The thread that serves ZeroMQ must answer a ping
 * within milliseconds while the workers compute; on a machine whose cores are all busy the
 * kernel would otherwise share them evenly. On Linux the nice value is per thread
 * (setpriority of pid 0 changes the calling thread only), so this ranks computation behind
 * serving and costs nothing when cores are free. Measured (3M-row join on 2 workers, load
 * 16): the serving thread's event-loop lag was p50 0.2–0.3 ms, p99 17–31 ms at nice 10, and
 * p50 2.9–5.3 ms, p99 55–87 ms with the workers at nice 0.
 */
export const WORKER_NICE = 10;

/**
 * The nice value worker threads take: TSPARK_WORKER_NICE when it is an integer in 0–19
 * (0 gives a dedicated machine's workers an equal share with other processes, e.g. for a
 * benchmark on a shared machine), else WORKER_NICE.
 */
export function workerNice(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env[WORKER_NICE_ENV]?.trim();
  if (raw === undefined || raw === "") return WORKER_NICE;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 19 ? n : WORKER_NICE;
}
