/**
 * How deep a msgpack frame nests, read from its bytes before anything is decoded: one pass over
 * the value headers with a fixed stack of element counts, no allocation per value, and str, bin
 * and ext payloads skipped whole. A frame nested past the ceiling is then never decoded at all, so
 * neither the decoder nor anything after it can overflow its stack on it.
 *
 * Depth is counted as the decoded value nests: a map or array inside the top-level value is at
 * depth 1, and so on. Extension type NESTED_EXT (a subtree the Python client packed on its own,
 * msgpack-decode.ts) decodes in place of itself, so its payload is read inline and adds no level.
 */

/** Extension type whose payload is a nested msgpack value (bridge/PROTOCOL.md, Conventions; msgpack-decode.ts). */
export const NESTED_EXT = 1;

/**
 * Whether `frame` holds a map or array nested deeper than `max` levels. A malformed or truncated
 * frame answers false: the decoder then rejects it with its own message.
 */
export function frameNestsDeeper(frame: Uint8Array, max: number): boolean {
  try {
    return scan(frame, max);
  } catch (e) {
    if (e === TRUNCATED) return false;
    throw e;
  }
}

const TRUNCATED = new Error("truncated frame");

function scan(frame: Uint8Array, max: number): boolean {
  const len = frame.length;
  // elements still to read in each open container (a map's entries count twice)
  const left = new Float64Array(Math.min(max, len) + 2);
  let open = 0;
  let pos = 0;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const u8 = (): number => {
    if (pos + 1 > len) throw TRUNCATED;
    return frame[pos++]!;
  };
  const u16 = (): number => {
    if (pos + 2 > len) throw TRUNCATED;
    pos += 2;
    return view.getUint16(pos - 2);
  };
  const u32 = (): number => {
    if (pos + 4 > len) throw TRUNCATED;
    pos += 4;
    return view.getUint32(pos - 4);
  };
  for (;;) {
    const b = u8();
    let n = -1; // elements of a container header, else -1
    if (b <= 0x7f || b >= 0xe0) {
      // fixint
    } else if (b <= 0x8f) n = (b & 0x0f) * 2;
    else if (b <= 0x9f) n = b & 0x0f;
    else if (b <= 0xbf) pos += b & 0x1f;
    else {
      switch (b) {
        case 0xc0: // nil, false, true
        case 0xc2:
        case 0xc3:
          break;
        case 0xc4: // bin, str
        case 0xd9:
          pos += u8();
          break;
        case 0xc5:
        case 0xda:
          pos += u16();
          break;
        case 0xc6:
        case 0xdb:
          pos += u32();
          break;
        case 0xc7: // ext 8/16/32
        case 0xc8:
        case 0xc9: {
          const size = b === 0xc7 ? u8() : b === 0xc8 ? u16() : u32();
          // a nested subtree: its one value stands where the ext stands
          if (u8() === NESTED_EXT) continue;
          pos += size;
          break;
        }
        case 0xd4: // fixext 1/2/4/8/16
        case 0xd5:
        case 0xd6:
        case 0xd7:
        case 0xd8:
          if (u8() === NESTED_EXT) continue;
          pos += 1 << (b - 0xd4);
          break;
        case 0xcc: // uint, int, float
        case 0xd0:
          pos += 1;
          break;
        case 0xcd:
        case 0xd1:
          pos += 2;
          break;
        case 0xca:
        case 0xce:
        case 0xd2:
          pos += 4;
          break;
        case 0xcb:
        case 0xcf:
        case 0xd3:
          pos += 8;
          break;
        case 0xdc: // array 16/32, map 16/32
          n = u16();
          break;
        case 0xdd:
          n = u32();
          break;
        case 0xde:
          n = u16() * 2;
          break;
        case 0xdf:
          n = u32() * 2;
          break;
        default:
          // 0xc1 is never used: malformed
          return false;
      }
    }
    if (n >= 0) {
      if (open > max) return true;
      if (n > 0) {
        // every element takes a byte at least: a count past the frame's end is malformed
        if (n > len - pos) return false;
        left[open++] = n;
        continue;
      }
    }
    // one value done: close every container it completes
    while (open > 0 && --left[open - 1]! === 0) open--;
    if (open === 0) return false;
  }
}
