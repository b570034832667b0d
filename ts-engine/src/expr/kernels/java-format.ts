import { SparkException } from "../../errors/spark-exception.js";
import { doubleToString } from "../eval/to-string.js";

/**
 * java.util.Formatter (String.format) as Spark's format_string / printf call it, for the
 * conversions SQL values meet: %s %S %d %o %x %X %e %E %f %g %G %b %B %c %C %h %H %% %n, with
 * explicit indexes (`%2$s`), the flags `-#+ 0,(` and width/precision. Arguments are JS values
 * in the vector convention (bigint longs, decimal text, Uint8Array binaries); null prints "null".
 */
const SPEC = /%(\d+\$)?([-#+ 0,(<]*)?(\d+)?(\.\d+)?([a-zA-Z%])/g;

function illegal(spec: string): SparkException {
  return new SparkException("IllegalArgumentException", "INTERNAL_ERROR", { message: `Format specifier '${spec}' is not valid` });
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function pad(s: string, width: number | undefined, flags: string, numeric: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes("-")) return s.padEnd(width);
  if (numeric && flags.includes("0")) {
    const sign = /^[+\- (]/.test(s) ? s[0]! : "";
    return sign + s.slice(sign.length).padStart(width - sign.length, "0");
  }
  return s.padStart(width);
}

function signed(neg: boolean, body: string, flags: string): string {
  if (neg) return flags.includes("(") ? `(${body})` : `-${body}`;
  return flags.includes("+") ? `+${body}` : flags.includes(" ") ? ` ${body}` : body;
}

function asBig(v: unknown, spec: string): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number" && Number.isInteger(v)) return BigInt(v);
  if (typeof v === "string" && /^-?\d+$/.test(v)) return BigInt(v);
  throw illegal(spec);
}

function fixed(x: number, prec: number): string {
  return Math.abs(x) < 1e21 ? Math.abs(x).toFixed(prec) : BigInt(Math.round(Math.abs(x))).toString() + (prec > 0 ? "." + "0".repeat(prec) : "");
}

function sci(x: number, prec: number, upper: boolean): string {
  const s = Math.abs(x).toExponential(prec);
  const [m, e] = s.split("e") as [string, string];
  const exp = Number(e);
  const out = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  return upper ? out.toUpperCase() : out;
}

function str(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : doubleToString(v);
  if (v instanceof Uint8Array) return `[B@${v.length.toString(16)}`;
  if (Array.isArray(v)) return `[${v.map(str).join(", ")}]`;
  return String(v);
}

/** Formats `args` by the Java format string `fmt`. */
export function javaFormat(fmt: string, args: readonly unknown[]): string {
  let next = 0;
  let last = -1;
  return fmt.replace(SPEC, (spec, index: string | undefined, flagsIn: string | undefined, w: string | undefined, p: string | undefined, conv: string) => {
    const flags = flagsIn ?? "";
    if (conv === "%") return pad("%", w === undefined ? undefined : Number(w), flags, false);
    if (conv === "n") return "\n";
    const at = flags.includes("<") ? last : index !== undefined ? Number(index.slice(0, -1)) - 1 : next++;
    last = at;
    const v = at >= 0 && at < args.length ? args[at] : undefined;
    if (at >= args.length) throw new SparkException("IllegalArgumentException", "INTERNAL_ERROR", { message: `Format specifier '${spec}'` });
    const width = w === undefined ? undefined : Number(w);
    const prec = p === undefined ? undefined : Number(p.slice(1));
    const upper = conv === conv.toUpperCase();
    switch (conv.toLowerCase()) {
      case "s": {
        let s = str(v);
        if (prec !== undefined) s = s.slice(0, prec);
        return pad(upper ? s.toUpperCase() : s, width, flags, false);
      }
      case "b": {
        const s = String(v === null || v === undefined ? false : typeof v === "boolean" ? v : true);
        return pad(upper ? s.toUpperCase() : s, width, flags, false);
      }
      case "h": {
        const s = v === null || v === undefined ? "null" : (typeof v === "string" ? javaStringHash(v) >>> 0 : 0).toString(16);
        return pad(upper ? s.toUpperCase() : s, width, flags, false);
      }
      case "c": {
        if (v === null || v === undefined) return pad("null", width, flags, false);
        const s = typeof v === "string" ? v : String.fromCodePoint(Number(v));
        return pad(upper ? s.toUpperCase() : s, width, flags, false);
      }
      case "d": {
        if (v === null || v === undefined) return pad("null", width, flags, false);
        const x = asBig(v, spec);
        const body = flags.includes(",") ? group((x < 0n ? -x : x).toString()) : (x < 0n ? -x : x).toString();
        return pad(signed(x < 0n, body, flags), width, flags, true);
      }
      case "o":
      case "x": {
        if (v === null || v === undefined) return pad("null", width, flags, false);
        const x = asBig(v, spec);
        const bits = typeof v === "number" && Math.abs(v) <= 2147483647 ? 32 : 64;
        let s = BigInt.asUintN(bits, x).toString(conv.toLowerCase() === "o" ? 8 : 16);
        if (flags.includes("#")) s = (conv.toLowerCase() === "o" ? "0" : "0x") + s;
        return pad(upper ? s.toUpperCase() : s, width, flags, true);
      }
      case "e":
      case "f":
      case "g": {
        if (v === null || v === undefined) return pad("null", width, flags, false);
        const x = typeof v === "string" ? Number(v) : Number(v as number | bigint);
        if (typeof v === "bigint" || (typeof v === "number" && Number.isInteger(v) && typeof v !== "string" && !Number.isNaN(x) && false)) throw illegal(spec);
        if (Number.isNaN(x) || !Number.isFinite(x)) {
          const s = Number.isNaN(x) ? "NaN" : signed(x < 0, "Infinity", flags);
          return pad(upper ? s.toUpperCase() : s, width, flags, false);
        }
        const pr = prec ?? 6;
        const neg = x < 0 || Object.is(x, -0);
        let body: string;
        if (conv.toLowerCase() === "f") {
          body = fixed(x, pr);
          if (flags.includes(",")) {
            const [i, f] = body.split(".") as [string, string | undefined];
            body = group(i) + (f === undefined ? "" : `.${f}`);
          }
        } else if (conv.toLowerCase() === "e") body = sci(x, pr, upper);
        else {
          const g = pr === 0 ? 1 : pr;
          const a = Math.abs(x);
          body = a !== 0 && (a < 1e-4 || a >= 10 ** g) ? sci(x, g - 1, upper) : fixed(x, Math.max(0, g - 1 - (a === 0 ? 0 : Math.floor(Math.log10(a)))));
        }
        return pad(signed(neg, body, flags), width, flags, true);
      }
      default:
        throw new SparkException("IllegalArgumentException", "INTERNAL_ERROR", { message: `Conversion = '${conv}'` });
    }
  });
}

/** Java's String.hashCode. */
function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
