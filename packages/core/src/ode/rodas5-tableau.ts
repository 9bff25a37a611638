/**
 * Rodas5: the 5th-order, stiffly accurate, L-stable Rosenbrock method of Di Marzo with an embedded
 * 4th-order solution (8 stages, 7 new rhs evaluations and one LU per step).
 *
 * Sources:
 * - G. A. Di Marzo, "RODAS5(4) – Méthodes de Rosenbrock d'ordre 5(4) adaptées aux problèmes
 *   différentiels-algébriques", Mémoire de diplôme, Université de Genève, 1993 (the method: γ = 0.19,
 *   the α_ij, γ_ij of the Rosenbrock form).
 * - E. Hairer, G. Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996,
 *   §IV.7, eqs. (7.4)–(7.5): the implementation form used here, with a_ij = (α Γ⁻¹)_ij,
 *   c_ij = (diag(γ)⁻¹ − Γ⁻¹)_ij and d_i = Σ_j γ_ij, which avoids matrix–vector products with J.
 * - The transformed values and the dense-output (continuous-extension) coefficients h_ij below are
 *   those tabulated in the MIT-licensed OrdinaryDiffEq.jl (`Rodas5Tableau`); the test suite checks
 *   order 5 of the step and the accuracy of the interpolant against analytic solutions.
 *
 * Stage i (1-based, i = 1..8) of a step from (t, y) with size h and W = I/(hγ) − J:
 *   u_i = y + Σ_{j<i} a_ij k_j,   W k_i = f(t + c_i h, u_i) + Σ_{j<i} (C_ij / h) k_j + h d_i ∂f/∂t.
 * Stiff accuracy: stages 7 and 8 are evaluated at u_7 = u_6 + k_6 and u_8 = u_7 + k_7 = ŷ (the
 * embedded solution); the result is y₁ = ŷ + k_8, so k_8 itself is the local error estimate.
 */

export const RODAS5_GAMMA = 0.19;
export const RODAS5_STAGES = 8;

const a61 = -14.09640773051259;
const a62 = 6.925207756232704;
const a63 = -41.47510893210728;
const a64 = 2.343771018586405;
const a65 = 24.13215229196062;

/** a_ij, row-major 8×8 strictly lower triangular (row i = stage i, 0-based). */
// biome-ignore format: one tableau row per line
export const RODAS5_A = Float64Array.from([
  0, 0, 0, 0, 0, 0, 0, 0,
  2.0, 0, 0, 0, 0, 0, 0, 0,
  3.040894194418781, 1.041747909077569, 0, 0, 0, 0, 0, 0,
  2.576417536461461, 1.62208306077664, -0.9089668560264532, 0, 0, 0, 0, 0,
  2.760842080225597, 1.446624659844071, -0.3036980084553738, 0.2877498600325443, 0, 0, 0, 0,
  a61, a62, a63, a64, a65, 0, 0, 0,
  a61, a62, a63, a64, a65, 1, 0, 0,
  a61, a62, a63, a64, a65, 1, 1, 0,
]);

/** C_ij (divided by h in use), row-major 8×8 strictly lower triangular. */
// biome-ignore format: one tableau row per line
export const RODAS5_C = Float64Array.from([
  0, 0, 0, 0, 0, 0, 0, 0,
  -10.31323885133993, 0, 0, 0, 0, 0, 0, 0,
  -21.04823117650003, -7.234992135176716, 0, 0, 0, 0, 0, 0,
  32.22751541853323, -4.943732386540191, 19.44922031041879, 0, 0, 0, 0, 0,
  -20.69865579590063, -8.816374604402768, 1.260436877740897, -0.7495647613787146, 0, 0, 0, 0,
  -46.22004352711257, -17.49534862857472, -289.6389582892057, 93.60855400400906, 318.3822534212147, 0, 0, 0,
  34.20013733472935, -14.1553540271769, 57.823356409884, 25.83362985412365, 1.408950972071624, -6.551835421242162, 0, 0,
  42.57076742291101, -13.80770672017997, 93.98938432427124, 18.77919633714503, -31.5835918722337, -6.685968952921985, -5.810979938412932, 0,
]);

/** Stage times c_i (fraction of h). */
export const RODAS5_CT = Float64Array.from([
  0, 0.38, 0.3878509998321533, 0.483971893787384, 0.457047700881958, 1, 1, 1,
]);

/** d_i = Σ_j γ_ij, the weights of h·∂f/∂t (zero for the last three stages, which sit at t + h). */
// biome-ignore format: one value per stage
export const RODAS5_D = Float64Array.from([
  RODAS5_GAMMA, -0.18230792253337147, -0.3192318321868749, 0.3449828624725343, -0.37741756439208984, 0, 0, 0,
]);

/**
 * Dense output: with K_r = Σ_j H_rj k_j (r = 0, 1, 2) and θ = (t* − t)/h ∈ [0, 1],
 *   y(t*) ≈ (1 − θ) y₀ + θ (y₁ + (1 − θ)(K_0 + θ (K_1 + θ K_2))).
 * Row-major 3×8.
 */
// biome-ignore format: one row per line
export const RODAS5_H = Float64Array.from([
  27.354592673333357, -6.925207756232857, 26.40037733258859, 0.5635230501052979, -4.699151156849391, -1.6008677469422725, -1.5306074446748028, -1.3929872940716344,
  44.19024239501722, 1.3677947663381929e-13, 202.93261852171622, -35.5669339789154, -181.91095152160645, 3.4116351403665033, 2.5793540257308067, 2.2435122582734066,
  -44.0988150021747, -5.755396159656812e-13, -181.26175034586677, 56.99302194811676, 183.21182741427398, -7.480257918273637, -5.792426076169686, -5.32503859794143,
]);
