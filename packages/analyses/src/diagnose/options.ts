/**
 * The options of a diagnosis, as `adclab diagnose` takes them and the API's `diagnose` kind passes
 * them: which parental line's simulator tables, and how many Monte Carlo draws the ranking of the
 * next experiment takes. The one declaration the faces derive from.
 */
import { z } from "zod";
import { option } from "../contract/define.ts";

export const DIAGNOSE_DRAWS = { min: 10, max: 100_000 } as const;

export const DiagnoseOptionsSchema = z.object({
  cellLine: option(z.string().optional(), {
    flag: "--cell-line <name>",
    description: "parental line whose simulator tables to use (default: the file's cell_line, else SK-BR-3)",
    label: "Parental line",
    placeholder: "SK-BR-3",
    example: "SK-BR-3",
  }),
  draws: option(z.number().int().min(DIAGNOSE_DRAWS.min).max(DIAGNOSE_DRAWS.max).optional(), {
    flag: "--draws <n>",
    description: "Monte Carlo draws per assay for the information gain (default 400)",
    label: "Monte Carlo draws per assay",
    placeholder: "400",
    example: 400,
    // The words each face has always used.
    refused: {
      cli: {
        problem: "--draws must be a whole number of Monte Carlo draws",
        expected: `${DIAGNOSE_DRAWS.min} to ${DIAGNOSE_DRAWS.max}`,
      },
      api: {
        problem: "not a number of draws",
        expected: `an integer from ${DIAGNOSE_DRAWS.min} to ${DIAGNOSE_DRAWS.max}`,
      },
    },
  }),
});

/** The checked options: every field optional (the cell line then comes from the document). */
export type DiagnoseAnalysisOptions = z.output<typeof DiagnoseOptionsSchema>;
