/** The stiff ODE solver (Rodas5 Rosenbrock): see README.md in this folder. */
export { createStiffSolver, type StiffSolver, solveStiff } from "./stiff-solver.ts";
export { OdeError, type OdeSystem, type StiffOptions, type StiffResult, type StiffStats } from "./types.ts";
