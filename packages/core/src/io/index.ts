/** Parsers over strings: delimited tables and dose–response files (TIFF readers live in ./tiff); the CSV writer. */
export { type CsvOptions, type CsvValue, csvField, toCsv } from "./csv.ts";
export * from "./delimited.ts";
export * from "./dose-response/index.ts";
