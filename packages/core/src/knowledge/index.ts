/** Domain knowledge as sourced data: the seed table, model parameters, cell lines, mechanisms, drugs. */
export * from "./cell-lines.ts";
export * from "./drugs.ts";
export * from "./mechanisms.ts";
export * from "./parameters.ts";
export * from "./seed-table.ts";
