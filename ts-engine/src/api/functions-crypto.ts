import { Column } from "./column.js";
import type { ColumnOrName } from "./column-or-name.js";
import { invoke } from "./invoke.js";
import { literalOf } from "./literal.js";

// AES encryption: GCM, CBC and ECB with Spark's byte layouts (values round-trip with real Spark).

const lit = (s: string): Column => new Column(literalOf(s));

/** `input` encrypted with AES under `key` (16, 24 or 32 bytes); GCM by default, its output led by a random 12-byte IV. */
export const aes_encrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, iv?: ColumnOrName, aad?: ColumnOrName): Column =>
  invoke("aes_encrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), iv ?? lit(""), aad ?? lit(""));
/** `input` decrypted with AES under `key` (the mode, padding and AAD it was encrypted with). */
export const aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  invoke("aes_decrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), aad ?? lit(""));
/** As aes_decrypt, null when decryption fails. */
export const try_aes_decrypt = (input: ColumnOrName, key: ColumnOrName, mode?: ColumnOrName, padding?: ColumnOrName, aad?: ColumnOrName): Column =>
  invoke("try_aes_decrypt", input, key, mode ?? lit("GCM"), padding ?? lit("DEFAULT"), aad ?? lit(""));
