/** Parsers over strings: delimited tables and dose–response files (TIFF readers live in ./tiff). */
export * from "./delimited.ts";
export * from "./dose-response/index.ts";
