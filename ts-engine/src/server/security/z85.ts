/**
 * Z85 (ZeroMQ RFC 32), the text form of CURVE keys: 4 bytes become 5 printable characters,
 * so a 32-byte key is 40 characters. The ZAP handler receives raw 32-byte keys and compares
 * them with the allow-list's Z85 text, so both directions are needed here.
 */
const ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#";

const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

/** Encodes bytes whose length is a multiple of 4. */
export function z85Encode(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new RangeError("z85: length must be a multiple of 4");
  let out = "";
  for (let i = 0; i < bytes.length; i += 4) {
    let v = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
    const chunk = new Array<string>(5);
    for (let j = 4; j >= 0; j--) {
      chunk[j] = ALPHABET[v % 85]!;
      v = Math.floor(v / 85);
    }
    out += chunk.join("");
  }
  return out;
}

/** Decodes Z85 text (length a multiple of 5); undefined when it is not valid Z85. */
export function z85Decode(text: string): Uint8Array | undefined {
  if (text.length % 5 !== 0) return undefined;
  const out = new Uint8Array((text.length / 5) * 4);
  for (let i = 0, o = 0; i < text.length; i += 5, o += 4) {
    let v = 0;
    for (let j = 0; j < 5; j++) {
      const c = text.charCodeAt(i + j);
      const d = c < 128 ? DECODE[c]! : -1;
      if (d < 0) return undefined;
      v = v * 85 + d;
    }
    if (v > 0xffffffff) return undefined;
    out[o] = v >>> 24;
    out[o + 1] = (v >>> 16) & 0xff;
    out[o + 2] = (v >>> 8) & 0xff;
    out[o + 3] = v & 0xff;
  }
  return out;
}

/** True for a CURVE key in Z85: 40 characters that decode to 32 bytes. */
export function isZ85Key(text: string): boolean {
  return text.length === 40 && z85Decode(text) !== undefined;
}
