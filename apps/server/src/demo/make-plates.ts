/**
 * Writes the demo project's virtual plates (apps/server/src/demo/plates/*.csv and plates.json):
 * for each resistant line of the documents' table (core's SEED_TABLE), the parental line and the
 * resistant line — its reported mechanisms at the strengths `adclab reproduce seed-table` fits —
 * treated with T-DM1 and with free DM1, 120 h viability from the well model (simulateViability),
 * read as a luminescence plate: half-log dilution series in triplicate wells, vehicle and blank wells, Gaussian noise of 4 %
 * of the vehicle signal from a seeded generator. Simulating takes seconds per line, so it is done
 * once here and the files are committed; the server only stores and fits them on first start.
 *
 * Run from the repo root: node --import tsx apps/server/src/demo/make-plates.ts
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRng, modelFingerprint, reproduceSeedLine, SEED_TABLE, simulateViability } from "@adclab/core";

const here = fileURLToPath(new URL(".", import.meta.url));
const SEED = 20261121;
const VEHICLE_SIGNAL = 20_000;
const BLANK_SIGNAL = 250;
const NOISE = 0.04;
/** Half-log dilution series, as a lab would plate them: T-DM1 1 pM–30 µM, free DM1 0.1 pM–1 µM. */
const halfLog = (from: number, to: number) =>
  Array.from({ length: Math.round((to - from) * 2) + 1 }, (_, i) => Number((10 ** (from + i / 2)).toPrecision(2)));
const DRUGS = [
  { id: "T-DM1", label: "T-DM1", concentrations_nM: halfLog(-3, 4.5) },
  { id: "free-DM1", label: "DM1", concentrations_nM: halfLog(-4, 3) },
] as const;

const manifest: unknown[] = [];
for (const [i, row] of SEED_TABLE.entries()) {
  const rng = createRng(SEED + i);
  const rep = reproduceSeedLine(row);
  const mechanisms = rep.mechanisms.map((m) => ({ id: m.id, strength: Number(m.strength.toPrecision(4)) }));
  const resistant = `${row.cellLine} T-DM1R`;
  const lines = ["sample,compound,conc (nM),response,replicate,role,well"];
  let well = 0;
  const wellName = () => {
    const n = well++;
    return `${"ABCDEFGHIJKLMNOP"[Math.floor(n / 24)]}${(n % 24) + 1}`;
  };
  const signal = (viability: number) =>
    Math.max(
      0,
      Math.round(BLANK_SIGNAL + (VEHICLE_SIGNAL - BLANK_SIGNAL) * viability + VEHICLE_SIGNAL * NOISE * rng.normal()),
    );
  const truth: Record<string, number> = {};
  for (const r of [1, 2, 3])
    lines.push(`,,0,${Math.round(BLANK_SIGNAL + 0.005 * VEHICLE_SIGNAL * rng.normal())},${r},blank,${wellName()}`);
  for (const [sample, mech] of [
    [row.cellLine, []],
    [resistant, mechanisms],
  ] as const) {
    for (const r of [1, 2, 3]) lines.push(`${sample},,0,${signal(1)},${r},vehicle,${wellName()}`);
    for (const drug of DRUGS) {
      const v = simulateViability({
        cellLine: row.cellLine,
        drug: drug.id,
        mechanisms: mech,
        concentrations_nM: drug.concentrations_nM,
      });
      truth[`${sample} · ${drug.label}`] = Number(v.ic50_nM.toPrecision(4));
      for (const [k, c] of v.concentration_nM.entries()) {
        for (const r of [1, 2, 3]) {
          lines.push(
            `${sample},${drug.label},${Number(c.toPrecision(4))},${signal(v.viability[k]!)},${r},,${wellName()}`,
          );
        }
      }
    }
  }
  const file = `${row.cellLine.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-viability.csv`;
  writeFileSync(join(here, "plates", file), `${lines.join("\n")}\n`);
  manifest.push({
    file,
    cellLine: row.cellLine,
    resistantLine: resistant,
    mechanisms,
    simulatedIc50_nM: truth,
    topDose_nM: Object.fromEntries(DRUGS.map((d) => [d.label, Math.max(...d.concentrations_nM)])),
    table: {
      adc: row.adc,
      parentalIc50_nM: row.parentalIc50_nM,
      resistantIc50_nM: row.resistantIc50_nM,
      source: row.primarySource,
    },
  });
  console.log(file, JSON.stringify(truth));
}
writeFileSync(
  join(here, "plates", "plates.json"),
  `${JSON.stringify({ generator: "apps/server/src/demo/make-plates.ts", modelFingerprint: modelFingerprint(), seed: SEED, readout_h: 120, noiseOfVehicle: NOISE, plates: manifest }, null, 2)}\n`,
);
