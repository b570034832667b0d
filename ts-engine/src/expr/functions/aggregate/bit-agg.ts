import { vectorFromValues } from "../../../columnar/builder.js";
import { vectorToValues } from "../../../columnar/rows.js";
import type { Vector } from "../../../columnar/vector.js";
import { isIntegral, type DataType } from "../../../types/data-type.js";
import { exprType } from "../../expr-type.js";
import { aggCall, allArgs, checkArity, doc, unexpectedInputType, type AggFunctionDef } from "../function-def.js";
import type { Accumulator } from "./accumulator.js";

type BitOp = "and" | "or" | "xor";

/** bit_and / bit_or / bit_xor of the non-null values as 64-bit two's complement; null for none. */
export class BitAcc implements Accumulator {
  readonly partialTypes: readonly DataType[];
  private acc: (bigint | null)[] = [];

  constructor(
    private readonly op: BitOp,
    private readonly type: DataType,
  ) {
    this.partialTypes = [type];
  }

  ensure(n: number): void {
    while (this.acc.length < n) this.acc.push(null);
  }

  update(groups: Int32Array, n: number, args: readonly Vector[]): void {
    const vals = vectorToValues(args[0]!);
    for (let i = 0; i < n; i++) {
      const x = vals[i];
      if (x === null || x === undefined) continue;
      const g = groups[i]!;
      const b = BigInt(x as number | bigint);
      const cur = this.acc[g]!;
      this.acc[g] = cur === null ? b : this.op === "and" ? cur & b : this.op === "or" ? cur | b : cur ^ b;
    }
  }

  merge(groups: Int32Array, n: number, partial: readonly Vector[]): void {
    this.update(groups, n, partial);
  }

  partial(numGroups: number): Vector[] {
    return [this.result(numGroups)];
  }

  result(numGroups: number): Vector {
    const long = this.type.kind === "long";
    return vectorFromValues(
      this.type,
      this.acc.slice(0, numGroups).map((b) => (b === null ? null : long ? BigInt.asIntN(64, b) : Number(BigInt.asIntN(64, b)))),
    );
  }
}

function bitAgg(op: BitOp): AggFunctionDef {
  const name = `bit_${op}`;
  return {
    kind: "agg",
    name,
    doc: doc(`${name}(expr)`, `Returns the bitwise ${op.toUpperCase()} of the non-null integral values, in their type.`),
    resolve(_n, args, isDistinct) {
      checkArity(name, args, 1);
      const t = exprType(args[0]!);
      const call = aggCall(name, args, isDistinct, t, true);
      if (!isIntegral(t)) throw unexpectedInputType(call, 0, args[0]!, '"INTEGRAL"');
      return call;
    },
    accumulator: (call) => new BitAcc(op, call.dataType),
    updateArgs: allArgs,
    ...(op === "xor" ? {} : { ignoresDistinct: true as const }),
  };
}

/** Registry entries of the bitwise aggregates. */
export const BIT_AGGREGATES: readonly AggFunctionDef[] = [bitAgg("and"), bitAgg("or"), bitAgg("xor")];
