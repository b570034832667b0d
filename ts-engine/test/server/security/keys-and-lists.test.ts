import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { curveKeyPair } from "zeromq";
import { generateKeyFiles, readAllowList, readKeyPair, secretKeyPath } from "../../../src/server/security/curve-keys.js";
import { PythonAllowList } from "../../../src/server/security/python-allow-list.js";
import { isZ85Key, z85Decode, z85Encode } from "../../../src/server/security/z85.js";

describe("z85", () => {
  it("round-trips the RFC 32 test vector", () => {
    const bytes = new Uint8Array([0x86, 0x4f, 0xd2, 0x6f, 0xb5, 0x59, 0xf7, 0x5b]);
    expect(z85Encode(bytes)).toBe("HelloWorld");
    expect(z85Decode("HelloWorld")).toEqual(bytes);
  });

  it("accepts libzmq's keys and rejects text that is not Z85", () => {
    const { publicKey } = curveKeyPair();
    expect(isZ85Key(publicKey)).toBe(true);
    expect(z85Encode(z85Decode(publicKey)!)).toBe(publicKey);
    expect(isZ85Key(publicKey.slice(1))).toBe(false);
    expect(isZ85Key(`${publicKey.slice(1)}~`)).toBe(false);
  });
});

describe("key files", () => {
  const dir = () => join(mkdtempSync(join(tmpdir(), "tspark-keys-")), "k");

  it("reads back a generated pair and refuses one other users may read", () => {
    const d = dir();
    const pair = generateKeyFiles(d, "server");
    expect(readKeyPair(secretKeyPath(d, "server"))).toEqual(pair);
    chmodSync(secretKeyPath(d, "server"), 0o640);
    expect(() => readKeyPair(secretKeyPath(d, "server"))).toThrow(/chmod 600/);
  });

  it("reads an allow-list of bare keys and concatenated .pub files, and names a bad line", () => {
    const d = dir();
    const a = generateKeyFiles(d, "a");
    const b = curveKeyPair();
    const f = join(d, "allow");
    writeFileSync(f, `# clients\n# tspark CURVE public key "a"\npublic-key = ${a.publicKey}\n\n${b.publicKey}  bob's laptop\n`);
    expect([...readAllowList(f)].sort()).toEqual([a.publicKey, b.publicKey].sort());
    writeFileSync(f, `${a.publicKey}\nnot-a-key\n`);
    expect(() => readAllowList(f)).toThrow(/allow:2: not a CURVE public key/);
  });
});

describe("PythonAllowList", () => {
  it("gives a listed interpreter, the same file through a link, and nothing else", () => {
    const d = mkdtempSync(join(tmpdir(), "tspark-py-"));
    const real = join(d, "python3.12");
    writeFileSync(real, "");
    const link = join(d, "python");
    symlinkSync(real, link);
    const allow = new PythonAllowList([real, "python3"]);
    expect(allow.defaultInterpreter).toBe(real);
    expect(allow.match("python3")).toBe("python3");
    expect(allow.match(link)).toBe(real);
    expect(allow.match("/bin/sh")).toBeUndefined();
    expect(allow.match("python3.9")).toBeUndefined();
  });
});
