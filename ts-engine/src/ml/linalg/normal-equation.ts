import { CholeskyDecomposition, Matrix, solve } from "ml-matrix";

/**
 * Weighted sufficient statistics of (features x, label y, weight w) for least squares, as
 * Spark's WeightedLeastSquares.Aggregator keeps them: count, Σw, Σwy, Σwy², Σwx, Σwxy and the
 * packed upper triangle of Σwxxᵀ. Flattened into one double array so partitions merge by
 * adding element-wise (tree aggregation of partials through the hash aggregate).
 */
export interface LeastSquaresStats {
  readonly dim: number;
  readonly count: number;
  readonly wSum: number;
  readonly bSum: number;
  readonly bbSum: number;
  readonly aSum: Float64Array;
  readonly abSum: Float64Array;
  /** Upper triangle of Σwxxᵀ, row-major: (i, j≥i) at i*dim - i(i-1)/2 + (j - i). */
  readonly aaSum: Float64Array;
}

/** Layout of the flat state: [dim, count, wSum, bSum, bbSum, aSum(d), abSum(d), aaSum(d(d+1)/2)]. */
export function statsLength(dim: number): number {
  return 5 + 2 * dim + (dim * (dim + 1)) / 2;
}

/** The stats a flat state array holds. */
export function statsOf(flat: ArrayLike<number>): LeastSquaresStats {
  const dim = flat[0]!;
  const a = Float64Array.from(flat as ArrayLike<number>);
  return {
    dim, count: a[1]!, wSum: a[2]!, bSum: a[3]!, bbSum: a[4]!,
    aSum: a.subarray(5, 5 + dim), abSum: a.subarray(5 + dim, 5 + 2 * dim), aaSum: a.subarray(5 + 2 * dim),
  };
}

/** Solver settings of LinearRegression's "normal" solver. */
export interface NormalEquationParams {
  readonly fitIntercept: boolean;
  readonly regParam: number;
  readonly standardization: boolean;
}

/** The fit: coefficients, intercept, and the training metrics the stats determine. */
export interface NormalEquationFit {
  readonly coefficients: Float64Array;
  readonly intercept: number;
  readonly meanSquaredError: number;
  readonly r2: number;
  readonly explainedVariance: number;
}

/**
 * Spark's WeightedLeastSquares with an L2 penalty only: centred (fitIntercept) normal equations
 * in the standardized space of features and label, the penalty `regParam` on each standardized
 * coefficient (features unstandardized: scaled by the feature's variance), solved by Cholesky
 * (LU when not positive definite). Metrics come from the same statistics: SSE = Σw(y - ŷ)².
 */
export function solveNormalEquation(s: LeastSquaresStats, p: NormalEquationParams): NormalEquationFit {
  const d = s.dim;
  const w = s.wSum;
  const bBar = s.bSum / w;
  const bbBar = s.bbSum / w;
  const bVar = Math.max(bbBar - bBar * bBar, 0);
  const bStd = Math.sqrt(bVar);
  const aBar = Float64Array.from(s.aSum, (x) => x / w);
  const aa = (i: number, j: number): number => {
    const [r, c] = i <= j ? [i, j] : [j, i];
    return s.aaSum[r * d - (r * (r - 1)) / 2 + (c - r)]! / w;
  };
  // A = E[xxᵀ] (− x̄x̄ᵀ with an intercept), c = E[xy] (− x̄ȳ)
  const A = new Matrix(d, d);
  const c = new Matrix(d, 1);
  for (let i = 0; i < d; i++) {
    c.set(i, 0, s.abSum[i]! / w - (p.fitIntercept ? aBar[i]! * bBar : 0));
    for (let j = 0; j < d; j++) A.set(i, j, aa(i, j) - (p.fitIntercept ? aBar[i]! * aBar[j]! : 0));
  }
  const aVar = Float64Array.from({ length: d }, (_, i) => aa(i, i) - aBar[i]! * aBar[i]!);
  if (p.regParam > 0) {
    // Spark penalises (regParam/σ_y)·‖β_std‖²/2 with the label scaled by σ_y (effectiveRegParam);
    // on the original scale that adds regParam·σ_j²/σ_y (standardization) or regParam/σ_y to A's diagonal
    const lambda = bStd > 0 ? p.regParam / bStd : p.regParam;
    for (let j = 0; j < d; j++) A.set(j, j, A.get(j, j) + lambda * (p.standardization ? aVar[j]! : 1));
  }
  let beta: Matrix;
  try {
    const chol = new CholeskyDecomposition(A);
    beta = chol.isPositiveDefinite() ? chol.solve(c) : solve(A, c);
  } catch {
    beta = solve(A, c);
  }
  const coefficients = Float64Array.from({ length: d }, (_, i) => beta.get(i, 0));
  let intercept = 0;
  if (p.fitIntercept) {
    intercept = bBar;
    for (let i = 0; i < d; i++) intercept -= aBar[i]! * coefficients[i]!;
  }
  // E[(y - ŷ)²] = E[y²] - 2E[yŷ] + E[ŷ²], ŷ = βᵀx + b
  let yyhat = intercept * bBar;
  let yhat = intercept;
  let yhat2 = intercept * intercept;
  for (let i = 0; i < d; i++) {
    const bi = coefficients[i]!;
    yyhat += bi * (s.abSum[i]! / w);
    yhat += bi * aBar[i]!;
    yhat2 += 2 * intercept * bi * aBar[i]!;
    for (let j = 0; j < d; j++) yhat2 += bi * coefficients[j]! * aa(i, j);
  }
  const mse = Math.max(bbBar - 2 * yyhat + yhat2, 0);
  // RegressionMetrics: r2 = 1 - SSerr/SStot, SStot about the mean (or about 0 through the origin)
  const ssTot = p.fitIntercept ? bVar : bbBar;
  const explainedVariance = yhat2 - 2 * yhat * bBar + bBar * bBar;
  return { coefficients, intercept, meanSquaredError: mse, r2: 1 - mse / ssTot, explainedVariance };
}
