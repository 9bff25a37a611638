/**
 * From a well description (cell line, mechanisms, drug, inhibitors, well format) to the flat rate
 * constants the right-hand side uses. This is where mechanisms act: every mechanism is one
 * multiplication here (see knowledge/mechanisms.ts for what each changes).
 */
import { InputError } from "../errors/input-error.ts";
import { CELL_LINE_IDS, type CellLine, findCellLine } from "../knowledge/cell-lines.ts";
import {
  findInhibitor,
  INHIBITOR_IDS,
  INHIBITORS,
  PAYLOADS,
  type PayloadId,
  TRANSPORTERS,
  type TransporterId,
} from "../knowledge/drugs.ts";
import { type MechanismSetting, mechanismFold, validateMechanisms } from "../knowledge/mechanisms.ts";
import { MODEL_PARAMETERS as P, WELL_FORMATS, type WellFormat } from "../knowledge/parameters.ts";
import { MOLECULES_PER_NMOL } from "./states.ts";

export interface WellGeometry {
  medium_L: number;
  seededCells: number;
  carryingCapacityCells: number;
}

export interface InhibitorDose {
  id: string;
  concentration_nM: number;
}

export interface WellConfig {
  cellLine: string | CellLine;
  mechanisms?: readonly { id: string; strength: number }[];
  /** A standard format or an explicit geometry; default "96-well". */
  well?: WellFormat | WellGeometry;
  /** Which small molecule fills the free-drug pool (default S-methyl-DM1, the free-DM1 arm). */
  smallMolecule?: PayloadId;
  inhibitors?: readonly InhibitorDose[];
  /** Overrides of shared parameters by name (calibration and what-if use). */
  overrides?: Partial<Record<keyof typeof P, number>>;
  /** Override of the line's sensitivity multiplier (calibration). */
  sensitivity?: number;
  /** Overrides of payload target K_D (nM) by species (calibration). */
  payloadKd_nM?: Partial<Record<PayloadId, number>>;
}

/** Everything the right-hand side needs, as plain numbers (all rates per hour). */
export interface WellRates {
  kon: number;
  koff: number;
  kEndo: number;
  kEndoComplex: number;
  kRec: number;
  kRecComplex: number;
  kEndoLys: number;
  kProt: number;
  kSyn: number;
  kShed: number;
  dar: number;
  kDec: number;
  kSlc: number;
  kLeak: number;
  kCatMem: number;
  kDrugMem: number;
  konTarget: number;
  koffCat: number;
  koffDrug: number;
  /** Target molecules per cell. */
  targetTotal: number;
  /** nM in the cell per molecule per cell. */
  alpha: number;
  /** nM in the medium per molecule (one molecule in the well's medium). */
  beta: number;
  /** Litres of medium taken up by fluid-phase endocytosis per cell per hour. */
  pinoVolume_L_per_h: number;
  growthMax: number;
  carryingCapacity: number;
  trastuzumabGrowthInhibition: number;
  killMax: number;
  killHill: number;
  killOccupancy50: number;
  kTransit: number;
  /** Efflux of catabolite / drug per transporter: k·E (1/h), and the inhibitor factor 1 + I/Ki. */
  effluxCat: Float64Array;
  effluxDrug: Float64Array;
  inhibition: Float64Array;
  transporterKm_nM: number;
}

export interface ResolvedWell {
  rates: WellRates;
  cellLine: CellLine;
  mechanisms: MechanismSetting[];
  geometry: WellGeometry;
  smallMolecule: PayloadId;
  inhibitors: InhibitorDose[];
  /** Surface HER2 of this line with its mechanisms at the drug-free steady state. */
  her2Surface0: number;
  her2Endosome0: number;
  lysosomalPh: number;
  /** Relative expression (qPCR) of the genes the mechanisms touch. */
  expression: Record<"ERBB2" | "SLC46A3" | "ABCB1" | "ABCC1" | "ABCG2", number>;
}

export function resolveCellLine(cellLine: string | CellLine, field = "cell line"): CellLine {
  if (typeof cellLine !== "string") return cellLine;
  const found = findCellLine(cellLine);
  if (!found)
    throw new InputError(`unknown cell line '${cellLine}'`, { field, expected: `one of ${CELL_LINE_IDS.join(", ")}` });
  return found;
}

export function resolveWell(config: WellConfig): ResolvedWell {
  const line = resolveCellLine(config.cellLine);
  const mech = validateMechanisms(config.mechanisms ?? []);
  const geometry = resolveGeometry(config.well ?? "96-well");
  const inhibitors = (config.inhibitors ?? []).map((i) => {
    const inh = findInhibitor(i.id);
    if (!inh)
      throw new InputError(`unknown inhibitor '${i.id}'`, {
        field: "inhibitor",
        expected: `one of ${INHIBITOR_IDS.join(", ")}`,
      });
    if (!(Number.isFinite(i.concentration_nM) && i.concentration_nM >= 0)) {
      throw new InputError(`concentration of '${inh.id}' must be zero or positive`, {
        field: "inhibitor",
        got: i.concentration_nM,
      });
    }
    return { id: inh.id, concentration_nM: i.concentration_nM };
  });
  const smallMolecule = config.smallMolecule ?? "S-methyl-DM1";
  const v = (name: keyof typeof P) => config.overrides?.[name] ?? P[name].value;
  const fold = (id: MechanismSetting["id"]) => mechanismFold(mech, id);

  const volume_pL = line.cellVolume_pL.value;
  const alpha = 1 / (MOLECULES_PER_NMOL * 1e-12 * volume_pL); // nM per molecule in one cell
  const growthMax = Math.LN2 / line.doublingTime_h.value;

  // HER2 synthesis is a property of the line (÷ her2-loss), sized so that the parental, drug-free
  // cell at its maximal growth rate holds her2PerCell on its surface. Other mechanisms then move
  // the steady state (e.g. shedding lowers surface HER2).
  const kEndo = v("kEndo_per_h");
  const kRec = v("kRecycle_per_h");
  const kEndoLysBase = v("kEndosomeToLysosome_per_h");
  const kShedBase = v("kShedding_per_h");
  const her2Parental = line.her2PerCell.value;
  const endoParental = (kEndo * her2Parental) / (kRec + kEndoLysBase + growthMax);
  const kSyn = ((kEndo + kShedBase + growthMax) * her2Parental - kRec * endoParental) / fold("her2-loss");

  const kEndoLys = kEndoLysBase / fold("trafficking-impaired");
  const kShed = kShedBase * fold("her2-shedding");
  const endoFactor = kEndo / (kRec + kEndoLys + growthMax);
  const her2Surface0 = kSyn / (kEndo + kShed + growthMax - kRec * endoFactor);
  const her2Endosome0 = endoFactor * her2Surface0;

  const pH = v("lysosomalPhRef") + Math.log10(fold("lysosome-ph"));
  const acid = (pKa: number) => 1 / (1 + 10 ** (pH - pKa));
  const acidRef = (pKa: number) => 1 / (1 + 10 ** (v("lysosomalPhRef") - pKa));
  const kProt = (v("kProteolysisRef_per_h") * acid(v("pKaProteolysis"))) / acidRef(v("pKaProteolysis"));
  const slcExpression = line.expression.slc46a3 / fold("slc46a3-loss");
  const kSlc = (v("kSlc46a3_per_h") * slcExpression * acid(v("pKaSlc46a3"))) / acidRef(v("pKaSlc46a3"));

  const tubulin = fold("tubulin-altered");
  const konTarget = v("konTarget_per_nM_h");
  const cat = PAYLOADS["Lys-SMCC-DM1"];
  const drug = PAYLOADS[smallMolecule];
  const expressionOf = (t: TransporterId) =>
    line.expression[t] * fold(`${t}-up` as "mdr1-up" | "abcc1-up" | "abcg2-up");
  const effluxCat = new Float64Array(3);
  const effluxDrug = new Float64Array(3);
  const inhibition = new Float64Array(3);
  TRANSPORTERS.forEach((t, k) => {
    effluxCat[k] = cat.efflux_per_h[t] * expressionOf(t);
    effluxDrug[k] = drug.efflux_per_h[t] * expressionOf(t);
    let f = 1;
    for (const i of inhibitors) {
      const inh = INHIBITORS[i.id as keyof typeof INHIBITORS];
      if (inh.target === t) f += i.concentration_nM / inh.ki_nM.value;
    }
    inhibition[k] = f;
  });

  const rates: WellRates = {
    kon: v("kon_her2_per_nM_h"),
    koff: v("kon_her2_per_nM_h") * v("kd_her2_nM"),
    kEndo,
    kEndoComplex: kEndo / fold("internalization-impaired"),
    kRec,
    kRecComplex: kRec * fold("recycling-enhanced"),
    kEndoLys,
    kProt,
    kSyn,
    kShed,
    dar: v("dar"),
    kDec: v("kDeconjugation_per_h"),
    kSlc,
    kLeak: v("kLysosomeLeak_per_h"),
    kCatMem: cat.membrane_per_h.value,
    kDrugMem: drug.membrane_per_h.value,
    konTarget,
    koffCat: konTarget * (config.payloadKd_nM?.["Lys-SMCC-DM1"] ?? cat.targetKd_nM.value) * tubulin,
    koffDrug: konTarget * (config.payloadKd_nM?.[smallMolecule] ?? drug.targetKd_nM.value) * tubulin,
    targetTotal: v("targetTotal_nM") / alpha,
    alpha,
    beta: 1 / (MOLECULES_PER_NMOL * geometry.medium_L),
    pinoVolume_L_per_h: v("pinocytosis_fraction_per_h") * volume_pL * 1e-12,
    growthMax,
    carryingCapacity: geometry.carryingCapacityCells,
    trastuzumabGrowthInhibition: line.trastuzumabGrowthInhibition.value,
    killMax: v("killMax_per_h"),
    killHill: v("killHill"),
    killOccupancy50:
      v("killOccupancy50") * (config.sensitivity ?? line.sensitivity.value) * fold("survival-signalling"),
    kTransit: 3 / v("deathDelay_h"),
    effluxCat,
    effluxDrug,
    inhibition,
    transporterKm_nM: v("transporterKm_nM"),
  };
  return {
    rates,
    cellLine: line,
    mechanisms: mech,
    geometry,
    smallMolecule,
    inhibitors,
    her2Surface0,
    her2Endosome0,
    lysosomalPh: pH,
    expression: {
      ERBB2: 1 / fold("her2-loss"),
      SLC46A3: slcExpression,
      ABCB1: expressionOf("mdr1"),
      ABCC1: expressionOf("abcc1"),
      ABCG2: expressionOf("abcg2"),
    },
  };
}

function resolveGeometry(w: WellFormat | WellGeometry): WellGeometry {
  if (typeof w === "string") {
    const f = WELL_FORMATS[w];
    if (!f)
      throw new InputError(`unknown well format '${w}'`, {
        field: "well",
        expected: Object.keys(WELL_FORMATS).join(", "),
      });
    return { medium_L: f.medium_L, seededCells: f.seededCells, carryingCapacityCells: f.carryingCapacityCells };
  }
  for (const [k, x] of Object.entries(w)) {
    if (!(Number.isFinite(x) && x > 0))
      throw new InputError(`well ${k} must be positive`, { field: `well.${k}`, got: x });
  }
  return { ...w };
}
