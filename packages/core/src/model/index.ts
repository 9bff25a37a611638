/** The T-DM1 → Lys-SMCC-DM1 well model (see README.md in this folder). */

export * from "./describe.ts";
export * from "./rates.ts";
export * from "./scenarios.ts";
export * from "./simulate.ts";
export { MOLECULES_PER_NMOL, N_STATES, S as STATE_INDEX, STATES, type StateInfo, type StateName } from "./states.ts";
export * from "./well-system.ts";
