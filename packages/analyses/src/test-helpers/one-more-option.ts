/**
 * The dose–response contract with one option added, as a developer would add it: one field in
 * the schema. The faces' tests (CLI flags, API validation and OpenAPI, the web form) use it to
 * show that each follows the schema with no edit of its own.
 */
import { z } from "zod";
import { option } from "../contract/define.ts";
import { doseResponseContract } from "../dose-response/contract.ts";

export const TRIM_OPTION = {
  key: "trimFraction",
  flag: "--trim-fraction <fraction>",
  description: "fraction of the highest and lowest wells left out of each curve (an example option)",
} as const;

export const doseResponseWithOneMoreOption = {
  ...doseResponseContract,
  options: doseResponseContract.options.extend({
    [TRIM_OPTION.key]: option(z.number().min(0).max(0.5).optional(), {
      flag: TRIM_OPTION.flag,
      description: TRIM_OPTION.description,
      label: "Trim fraction",
    }),
  }),
};
