import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { SparkException } from "../../errors/spark-exception.js";
import { BinaryType, StringType } from "../../types/data-type.js";
import { doc, lit, rowFunction } from "./row-function.js";
import type { ScalarFunctionDef } from "./function-def.js";

// aes_encrypt / aes_decrypt / try_aes_decrypt with Spark's modes and byte layouts (its
// ExpressionImplUtils.aesInternal over javax.crypto), on node:crypto's OpenSSL AES: GCM output
// is IV(12) ‖ ciphertext ‖ tag(16), CBC output IV(16) ‖ ciphertext (PKCS#5), ECB the ciphertext
// (PKCS#5), so bytes from either engine decrypt in the other.

/** One of Spark's cipher modes with its padding check and IV length (0: no IV). */
interface CipherMode {
  readonly name: "ECB" | "CBC" | "GCM";
  readonly ivLength: number;
  readonly aad: boolean;
}

const ECB: CipherMode = { name: "ECB", ivLength: 0, aad: false };
const CBC: CipherMode = { name: "CBC", ivLength: 16, aad: false };
const GCM: CipherMode = { name: "GCM", ivLength: 12, aad: true };
const TAG_LENGTH = 16;

/** Spark's messages name both functions, whichever failed. */
const SPARK_NAME = "`aes_encrypt`/`aes_decrypt`";

function cipherError(detailMessage: string): SparkException {
  return new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.AES_CRYPTO_ERROR", { parameter: "`expr`, `key`", functionName: SPARK_NAME, detailMessage });
}

/** Spark's CipherMode.fromString: ECB and CBC take PKCS (or DEFAULT) padding, GCM takes NONE (or DEFAULT). */
function modeOf(mode: string, padding: string): CipherMode {
  const p = padding.toUpperCase();
  const m = mode.toUpperCase();
  if (m === "ECB" && (p === "PKCS" || p === "DEFAULT")) return ECB;
  if (m === "CBC" && (p === "PKCS" || p === "DEFAULT")) return CBC;
  if (m === "GCM" && (p === "NONE" || p === "DEFAULT")) return GCM;
  throw new SparkException("SparkRuntimeException", "UNSUPPORTED_FEATURE.AES_MODE", { mode, padding, functionName: SPARK_NAME });
}

type Aes = "aes-128" | "aes-192" | "aes-256";

function checkKey(key: Uint8Array): Aes {
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.AES_KEY_LENGTH", { parameter: "`key`", functionName: SPARK_NAME, actualLength: String(key.length) });
  }
  return key.length === 16 ? "aes-128" : key.length === 24 ? "aes-192" : "aes-256";
}

/** IVs and AAD only where the mode takes them; these messages name the one function that failed. */
function checkExtras(m: CipherMode, mode: string, iv: Uint8Array, aad: Uint8Array, functionName: "aes_encrypt" | "aes_decrypt"): void {
  if (iv.length > 0 && m.ivLength === 0) throw new SparkException("SparkRuntimeException", "UNSUPPORTED_FEATURE.AES_MODE_IV", { mode, functionName: `\`${functionName}\`` });
  if (aad.length > 0 && !m.aad) throw new SparkException("SparkRuntimeException", "UNSUPPORTED_FEATURE.AES_MODE_AAD", { mode, functionName: `\`${functionName}\`` });
}

/** aes_encrypt of one value. A missing (empty) IV is drawn at random, as Spark's SecureRandom does. */
export function aesEncrypt(input: Uint8Array, key: Uint8Array, mode: string, padding: string, iv: Uint8Array, aad: Uint8Array): Uint8Array {
  const algorithm = checkKey(key);
  const m = modeOf(mode, padding);
  checkExtras(m, mode, iv, aad, "aes_encrypt");
  if (m.ivLength === 0) {
    const c = createCipheriv(`${algorithm}-ecb`, key, null);
    return new Uint8Array(Buffer.concat([c.update(input), c.final()]));
  }
  if (iv.length > 0 && iv.length !== m.ivLength) {
    throw new SparkException("SparkRuntimeException", "INVALID_PARAMETER_VALUE.AES_IV_LENGTH", { parameter: "`iv`", functionName: SPARK_NAME, actualLength: String(iv.length), mode: m.name });
  }
  const nonce = iv.length > 0 ? iv : randomBytes(m.ivLength);
  if (m === GCM) {
    const c = createCipheriv(`${algorithm}-gcm`, key, nonce, { authTagLength: TAG_LENGTH });
    if (aad.length > 0) c.setAAD(aad);
    const body = Buffer.concat([c.update(input), c.final()]);
    return new Uint8Array(Buffer.concat([nonce, body, c.getAuthTag()]));
  }
  const c = createCipheriv(`${algorithm}-cbc`, key, nonce);
  return new Uint8Array(Buffer.concat([nonce, c.update(input), c.final()]));
}

/** aes_decrypt of one value; failures carry the JCE's messages, which Spark passes on. */
export function aesDecrypt(input: Uint8Array, key: Uint8Array, mode: string, padding: string, aad: Uint8Array): Uint8Array {
  const algorithm = checkKey(key);
  const m = modeOf(mode, padding);
  checkExtras(m, mode, new Uint8Array(0), aad, "aes_decrypt");
  if (m === GCM) {
    // Java's GCMParameterSpec refuses a buffer shorter than the IV before any cipher runs.
    if (input.length < m.ivLength) throw new SparkException("IllegalArgumentException", "", {}, { rawMessage: "Invalid buffer arguments", sqlState: "" });
    if (input.length < m.ivLength + TAG_LENGTH) throw cipherError("Input data too short to contain an expected tag length of 16bytes");
    const d = createDecipheriv(`${algorithm}-gcm`, key, input.subarray(0, m.ivLength), { authTagLength: TAG_LENGTH });
    d.setAuthTag(input.subarray(input.length - TAG_LENGTH));
    if (aad.length > 0) d.setAAD(aad);
    try {
      return new Uint8Array(Buffer.concat([d.update(input.subarray(m.ivLength, input.length - TAG_LENGTH)), d.final()]));
    } catch {
      throw cipherError("Tag mismatch!");
    }
  }
  const body = m === CBC ? input.subarray(m.ivLength) : input;
  if (m === CBC && input.length < m.ivLength) throw cipherError("Wrong IV length: must be 16 bytes long");
  if (body.length % 16 !== 0) throw cipherError("Input length must be multiple of 16 when decrypting with padded cipher");
  const d = createDecipheriv(`${algorithm}-${m.name.toLowerCase()}`, key, m === CBC ? input.subarray(0, m.ivLength) : null);
  try {
    return new Uint8Array(Buffer.concat([d.update(body), d.final()]));
  } catch {
    throw cipherError("Given final block not properly padded. Such issues can arise if a bad key is used during decryption.");
  }
}

const text = (v: unknown): string => v as string;
const bytes = (v: unknown): Uint8Array => v as Uint8Array;

const AES_ENCRYPT = rowFunction({
  name: "aes_encrypt",
  doc: doc("aes_encrypt(expr, key[, mode[, padding[, iv[, aad]]]])", "Encrypts `expr` with AES (16, 24 or 32-byte key) in GCM (default), CBC or ECB mode; GCM and CBC output starts with the IV (random unless given)."),
  params: ["binary", "binary", "string", "string", "binary", "binary"],
  minArgs: 2,
  defaults: [lit("GCM", StringType), lit("DEFAULT", StringType), lit("", StringType), lit("", StringType)],
  result: BinaryType,
  mayReturnNull: true,
  row: ([input, key, mode, padding, iv, aad]) => aesEncrypt(bytes(input), bytes(key), text(mode), text(padding), bytes(iv), bytes(aad)),
});

function decrypt(name: string, tolerant: boolean): ScalarFunctionDef {
  return rowFunction({
    name,
    doc: doc(
      `${name}(expr, key[, mode[, padding[, aad]]])`,
      tolerant ? "Decrypts as aes_decrypt, but gives null when decryption fails." : "Decrypts `expr` encrypted by aes_encrypt (the same key, mode, padding and AAD); raises Spark's AES errors when it cannot.",
    ),
    params: ["binary", "binary", "string", "string", "binary"],
    minArgs: 2,
    defaults: [lit("GCM", StringType), lit("DEFAULT", StringType), lit("", StringType)],
    result: BinaryType,
    mayReturnNull: true,
    row: ([input, key, mode, padding, aad]) => {
      if (!tolerant) return aesDecrypt(bytes(input), bytes(key), text(mode), text(padding), bytes(aad));
      try {
        return aesDecrypt(bytes(input), bytes(key), text(mode), text(padding), bytes(aad));
      } catch (e) {
        // Spark's TryEval turns any failure into null.
        if (e instanceof SparkException) return null;
        throw e;
      }
    },
  });
}

/** Registry entries for the AES functions. */
export const CRYPTO_FUNCTIONS: readonly ScalarFunctionDef[] = [AES_ENCRYPT, decrypt("aes_decrypt", false), decrypt("try_aes_decrypt", true)];
