import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { curveKeyPair } from "zeromq";
import { isZ85Key } from "./z85.js";

/** A CURVE key pair in Z85 text (ZeroMQ RFC 26 / 32). */
export interface CurveKeyPair {
  readonly publicKey: string;
  readonly secretKey: string;
}

/** The secret file of a named key pair in a key directory: `<dir>/<name>.key`, mode 0600. */
export function secretKeyPath(dir: string, name: string): string {
  return join(dir, `${name}.key`);
}

/** The public file of a named key pair: `<dir>/<name>.pub`, safe to hand out. */
export function publicKeyPath(dir: string, name: string): string {
  return join(dir, `${name}.pub`);
}

/**
 * Generates a key pair into `<dir>/<name>.key` (both keys, 0600: whoever reads it can pose as
 * its owner) and `<dir>/<name>.pub` (the public key alone, 0644). The directory is created 0700.
 * Refuses to overwrite an existing pair, which would lock out every peer that trusts it.
 */
export function generateKeyFiles(dir: string, name: string): CurveKeyPair {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`key name ${JSON.stringify(name)} may hold only letters, digits, '_', '.' and '-'`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = curveKeyPair();
  const secret = secretKeyPath(dir, name);
  // "wx": fail if it exists; the mode applies at creation, so the secret is never readable by others
  writeFileSync(secret, `# tspark CURVE key pair "${name}": keep this file secret\npublic-key = ${pair.publicKey}\nsecret-key = ${pair.secretKey}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(secret, 0o600);
  writeFileSync(publicKeyPath(dir, name), `# tspark CURVE public key "${name}"\npublic-key = ${pair.publicKey}\n`, { mode: 0o644, flag: "wx" });
  return pair;
}

/** `key = value` lines of a key file, `#` comments and blank lines skipped. */
function keyFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    // a bare 40-character key (an allow-list line) stands for its public key
    if (eq < 0 || isZ85Key(line)) fields.set("public-key", line);
    else fields.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return fields;
}

/**
 * Reads a `.key` file written by generateKeyFiles. Refuses one that group or others may read, as
 * ssh does: a secret key others can read no longer proves who holds it.
 */
export function readKeyPair(path: string): CurveKeyPair {
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(`${path} is readable by other users (mode ${mode.toString(8).padStart(3, "0")}); run chmod 600 ${path}`);
  }
  const f = keyFields(readFileSync(path, "utf8"));
  const publicKey = f.get("public-key");
  const secretKey = f.get("secret-key");
  if (publicKey === undefined || secretKey === undefined || !isZ85Key(publicKey) || !isZ85Key(secretKey)) {
    throw new Error(`${path} is not a tspark CURVE key file (expected public-key = … and secret-key = … lines of 40 Z85 characters)`);
  }
  return { publicKey, secretKey };
}

/**
 * The client public keys an allow-list file admits: one key per line, bare or as `public-key = …`
 * (so `.pub` files can simply be concatenated), `#` comments allowed. A malformed line is an error,
 * not a silent skip: a typo must not leave an operator believing a key is admitted.
 */
export function readAllowList(path: string): ReadonlySet<string> {
  const keys = new Set<string>();
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const key = line.startsWith("public-key") ? line.slice(line.indexOf("=") + 1).trim() : line.split(/\s+/)[0]!;
    if (!isZ85Key(key)) throw new Error(`${path}:${i + 1}: not a CURVE public key (40 Z85 characters): ${JSON.stringify(line.slice(0, 60))}`);
    keys.add(key);
  });
  return keys;
}

/** The named key pairs of a key directory with their public keys (`tspark-engine keys list`). */
export function listKeys(dir: string): { readonly name: string; readonly publicKey: string; readonly hasSecret: boolean }[] {
  const names = new Set<string>();
  for (const f of readdirSync(dir)) {
    const m = /^(.+)\.(key|pub)$/.exec(f);
    if (m !== null) names.add(m[1]!);
  }
  return [...names].sort().map((name) => {
    let publicKey = "";
    let hasSecret = false;
    try {
      publicKey = keyFields(readFileSync(publicKeyPath(dir, name), "utf8")).get("public-key") ?? "";
    } catch {
      // only the secret file: its public key is in it
    }
    try {
      const f = keyFields(readFileSync(secretKeyPath(dir, name), "utf8"));
      hasSecret = f.has("secret-key");
      if (publicKey === "") publicKey = f.get("public-key") ?? "";
    } catch {
      // a .pub alone (a peer's key)
    }
    return { name, publicKey, hasSecret };
  });
}
