import { format } from "node:util";

/** Runs `fn` and returns what it wrote to stdout and console.log (for show/printSchema tests). */
export async function captureStdout(fn: () => unknown): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  const log = console.log;
  let out = "";
  process.stdout.write = ((chunk: string | Uint8Array): boolean => {
    out += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stdout.write;
  console.log = (...args: unknown[]): void => {
    out += `${format(...args)}\n`;
  };
  try {
    await fn();
  } finally {
    process.stdout.write = write;
    console.log = log;
  }
  return out;
}
