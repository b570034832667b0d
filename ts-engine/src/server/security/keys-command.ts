import { generateKeyFiles, listKeys, publicKeyPath, secretKeyPath } from "./curve-keys.js";

/**
 * `tspark-engine keys generate|list DIR`: makes a named CURVE pair (the server's is `server`; one
 * per client, whose `.pub` goes into the server's allow file) or lists the pairs with their public
 * keys. Returns the exit code.
 */
export function runKeysCommand(action: "generate" | "list", dir: string, name: string, out: (line: string) => void, err: (line: string) => void): number {
  try {
    if (action === "generate") {
      const pair = generateKeyFiles(dir, name);
      out(`public-key = ${pair.publicKey}`);
      err(`wrote ${secretKeyPath(dir, name)} (secret, mode 0600) and ${publicKeyPath(dir, name)}`);
      return 0;
    }
    for (const k of listKeys(dir)) out(`${k.name}\t${k.publicKey}\t${k.hasSecret ? "pair" : "public only"}`);
    return 0;
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    return 1;
  }
}
