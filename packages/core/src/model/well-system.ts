/**
 * The right-hand side of the well model (equations in README.md of this folder). Per-cell
 * states are for the average live cell: every per-cell state is diluted by division at
 * μ = g·N_cycling/N_live, and when damaged cells die their contents go to the medium (payload as
 * charged maytansinoid), so payload is conserved exactly — the model has no payload sink.
 */
import type { WellRates } from "./rates.ts";
import { MOLECULES_PER_NMOL, N_STATES, S } from "./states.ts";

export interface WellSystem {
  readonly n: number;
  readonly autonomous: true;
  rhs(t: number, y: Float64Array, out: Float64Array): void;
  /** Analytic Jacobian, row-major: J[i*n+j] = ∂f_i/∂y_j. */
  jacobian(t: number, y: Float64Array, J: Float64Array): void;
}

const {
  her2Surface: RS,
  her2Endosome: RE,
  adcSurface: AS,
  abSurface: BS,
  adcEndosome: AE,
  abEndosome: BE,
  adcLysosome: AL,
  catLysosome: CL,
  catCytosol: CC,
  catBound: CB,
  drugCytosol: FC,
  drugBound: FB,
  adcMedium: AM,
  abMedium: BM,
  ecdMedium: EM,
  ecdAdcMedium: EAM,
  ecdAbMedium: EBM,
  catMedium: CM,
  drugMedium: FM,
  cellsCycling: N0,
  cellsDamaged1: N1,
  cellsDamaged2: N2,
  cellsDamaged3: N3,
} = S;

/** Cell-level process rates of one state vector (shared by the RHS and the read-outs). */
export function growthRate(r: WellRates, y: Float64Array): number {
  const live = y[N0]! + y[N1]! + y[N2]! + y[N3]!;
  const bound = y[AS]! + y[BS]!;
  const occupancy = bound / (bound + y[RS]! + 1e-300);
  return r.growthMax * (1 - live / r.carryingCapacity) * (1 - r.trastuzumabGrowthInhibition * occupancy);
}

/** Fraction of the target occupied by payload (catabolite + drug). */
export function targetOccupancy(r: WellRates, y: Float64Array): number {
  return (y[CB]! + y[FB]!) / r.targetTotal;
}

/** Rate (1/h) at which cycling cells enter the damage chain. */
export function killRate(r: WellRates, y: Float64Array): number {
  const theta = Math.max(targetOccupancy(r, y), 0);
  const th = theta ** r.killHill;
  return (r.killMax * th) / (th + r.killOccupancy50 ** r.killHill);
}

/** Active efflux (molecules/h per cell) of `amount` molecules of a cytosolic species. */
function efflux(r: WellRates, k: Float64Array, amount: number): number {
  const sat = (r.alpha * amount) / r.transporterKm_nM;
  return (
    amount * (k[0]! / (r.inhibition[0]! + sat) + k[1]! / (r.inhibition[1]! + sat) + k[2]! / (r.inhibition[2]! + sat))
  );
}

export function createWellSystem(r: WellRates): WellSystem {
  return {
    n: N_STATES,
    autonomous: true,
    jacobian: (_t, y, J) => wellJacobian(r, y, J),
    rhs(_t, y, out) {
      const rs = y[RS]!;
      const re = y[RE]!;
      const as = y[AS]!;
      const bs = y[BS]!;
      const ae = y[AE]!;
      const be = y[BE]!;
      const al = y[AL]!;
      const cl = y[CL]!;
      const cc = y[CC]!;
      const cb = y[CB]!;
      const fc = y[FC]!;
      const fb = y[FB]!;
      const am = y[AM]!;
      const bm = y[BM]!;
      const em = y[EM]!;
      const eam = y[EAM]!;
      const ebm = y[EBM]!;
      const cm = y[CM]!;
      const fm = y[FM]!;
      const n0 = y[N0]!;
      const n1 = y[N1]!;
      const n2 = y[N2]!;
      const n3 = y[N3]!;
      const live = n0 + n1 + n2 + n3;

      const g = growthRate(r, y);
      const mu = live > 0 ? (g * n0) / live : 0; // dilution of per-cell content by division
      const kill = killRate(r, y);
      const deaths = r.kTransit * n3; // cells/h leaving the live population
      const perCellToMedium = live * r.beta; // nM in the medium per molecule/cell

      // HER2 binding at the surface (molecules/h per cell)
      const bindA = r.kon * am * rs - r.koff * as;
      const bindB = r.kon * bm * rs - r.koff * bs;
      // Fluid-phase uptake of T-DM1 straight to the lysosome (molecules/h per cell)
      const pino = r.pinoVolume_L_per_h * am * MOLECULES_PER_NMOL;
      // ECD binding in the medium (nM/h)
      const ecdA = r.kon * em * am - r.koff * eam;
      const ecdB = r.kon * em * bm - r.koff * ebm;
      // Payload traffic (molecules/h per cell)
      const proteolysis = r.kProt * al;
      const lysExport = (r.kSlc + r.kLeak) * cl;
      const catIn = (r.kCatMem * (cm - r.alpha * cc)) / r.alpha; // net passive entry
      const drugIn = (r.kDrugMem * (fm - r.alpha * fc)) / r.alpha;
      const catOut = efflux(r, r.effluxCat, cc);
      const drugOut = efflux(r, r.effluxDrug, fc);
      const freeTarget = r.targetTotal - cb - fb;
      const catBind = r.konTarget * r.alpha * cc * freeTarget - r.koffCat * cb;
      const drugBind = r.konTarget * r.alpha * fc * freeTarget - r.koffDrug * fb;
      const decSurface = r.kDec * as;

      out[RS] = r.kSyn - (r.kEndo + r.kShed) * rs + r.kRec * re - bindA - bindB - mu * rs;
      out[RE] = r.kEndo * rs - (r.kRec + r.kEndoLys) * re - mu * re;
      out[AS] = bindA - r.kEndoComplex * as + r.kRecComplex * ae - decSurface - mu * as;
      out[BS] = bindB - r.kEndoComplex * bs + r.kRecComplex * be + decSurface - mu * bs;
      out[AE] = r.kEndoComplex * as - (r.kRecComplex + r.kEndoLys) * ae - mu * ae;
      out[BE] = r.kEndoComplex * bs - (r.kRecComplex + r.kEndoLys) * be - mu * be;
      out[AL] = r.kEndoLys * ae + pino - proteolysis - mu * al;
      out[CL] = r.dar * proteolysis - lysExport - mu * cl;
      out[CC] = lysExport + catIn - catOut - catBind - mu * cc;
      out[CB] = catBind - mu * cb;
      out[FC] = drugIn - drugOut - drugBind - mu * fc;
      out[FB] = drugBind - mu * fb;

      // Contents of dying cells go to the medium: payload as charged maytansinoid.
      const deadPayload = cl + cc + cb + r.dar * (as + ae + al);
      out[AM] = -perCellToMedium * (bindA + pino) - r.kDec * am - ecdA;
      out[BM] = -perCellToMedium * bindB + r.kDec * am - ecdB;
      out[EM] = perCellToMedium * r.kShed * rs - ecdA - ecdB;
      out[EAM] = ecdA - r.kDec * eam;
      out[EBM] = ecdB + r.kDec * eam;
      out[CM] =
        r.dar * r.kDec * (am + eam) +
        perCellToMedium * (r.dar * decSurface - catIn + catOut) +
        r.beta * deaths * deadPayload;
      out[FM] = perCellToMedium * (drugOut - drugIn) + r.beta * deaths * (fc + fb);

      out[N0] = g * n0 - kill * n0;
      out[N1] = kill * n0 - r.kTransit * n1;
      out[N2] = r.kTransit * (n1 - n2);
      out[N3] = r.kTransit * (n2 - n3);
    },
  };
}

/**
 * Total payload in the well (nmol of DM1 equivalents): DAR × every T-DM1 molecule plus every
 * free maytansinoid / drug molecule, in the medium and in all live cells.
 */
export function payloadTotal_nmol(r: WellRates, y: Float64Array, medium_L: number): number {
  const live = y[N0]! + y[N1]! + y[N2]! + y[N3]!;
  const perCell = r.dar * (y[AS]! + y[AE]! + y[AL]!) + y[CL]! + y[CC]! + y[CB]! + y[FC]! + y[FB]!;
  const medium = r.dar * (y[AM]! + y[EAM]!) + y[CM]! + y[FM]!;
  return medium * medium_L + (live * perCell) / MOLECULES_PER_NMOL;
}

/** d(efflux)/d(amount) for the saturable, competitively inhibited transporters. */
function effluxSlope(r: WellRates, k: Float64Array, amount: number): number {
  const a = r.alpha / r.transporterKm_nM;
  const sat = a * amount;
  let v = 0;
  for (let i = 0; i < 3; i++) {
    const d = r.inhibition[i]! + sat;
    v += k[i]! / d - (amount * k[i]! * a) / (d * d);
  }
  return v;
}

const n = N_STATES;

/** The analytic Jacobian of the RHS above (checked against finite differences in the tests). */
export function wellJacobian(r: WellRates, y: Float64Array, J: Float64Array): void {
  J.fill(0);
  const add = (i: number, j: number, v: number) => {
    J[i * n + j] = J[i * n + j]! + v;
  };
  const rs = y[RS]!;
  const as = y[AS]!;
  const bs = y[BS]!;
  const ae = y[AE]!;
  const al = y[AL]!;
  const cl = y[CL]!;
  const cc = y[CC]!;
  const cb = y[CB]!;
  const fc = y[FC]!;
  const fb = y[FB]!;
  const am = y[AM]!;
  const bm = y[BM]!;
  const em = y[EM]!;
  const n0 = y[N0]!;
  const n1 = y[N1]!;
  const n2 = y[N2]!;
  const n3 = y[N3]!;
  const live = n0 + n1 + n2 + n3;

  // growth g and dilution mu with their partial derivatives
  const boundS = as + bs;
  const totS = boundS + rs + 1e-300;
  const occ = boundS / totS;
  const crowd = 1 - live / r.carryingCapacity;
  const block = 1 - r.trastuzumabGrowthInhibition * occ;
  const g = r.growthMax * crowd * block;
  const dgdN = (-r.growthMax / r.carryingCapacity) * block;
  const dgdOcc = -r.growthMax * crowd * r.trastuzumabGrowthInhibition;
  const dgdBound = (dgdOcc * rs) / (totS * totS); // ∂g/∂as = ∂g/∂bs
  const dgdRs = (-dgdOcc * boundS) / (totS * totS);
  const frac = live > 0 ? n0 / live : 0;
  const mu = g * frac;
  const dmuRs = dgdRs * frac;
  const dmuBound = dgdBound * frac;
  const dmuN0 = live > 0 ? dgdN * frac + g / live - (g * n0) / (live * live) : 0;
  const dmuNk = live > 0 ? dgdN * frac - (g * n0) / (live * live) : 0;

  // −mu·x for every per-cell state x
  for (let i = 0; i <= FB; i++) {
    const x = y[i]!;
    add(i, i, -mu);
    add(i, RS, -x * dmuRs);
    add(i, AS, -x * dmuBound);
    add(i, BS, -x * dmuBound);
    add(i, N0, -x * dmuN0);
    add(i, N1, -x * dmuNk);
    add(i, N2, -x * dmuNk);
    add(i, N3, -x * dmuNk);
  }

  const { kon, koff, alpha } = r;
  const P = live * r.beta;
  const pinoK = r.pinoVolume_L_per_h * MOLECULES_PER_NMOL;
  const kLys = r.kSlc + r.kLeak;
  const freeT = r.targetTotal - cb - fb;
  const catSlope = effluxSlope(r, r.effluxCat, cc);
  const drugSlope = effluxSlope(r, r.effluxDrug, fc);

  // surface binding fluxes bindA(am, rs, as), bindB(bm, rs, bs)
  const bindA = kon * am * rs - koff * as;
  const bindB = kon * bm * rs - koff * bs;
  // RS
  add(RS, RS, -(r.kEndo + r.kShed) - kon * am - kon * bm);
  add(RS, RE, r.kRec);
  add(RS, AM, -kon * rs);
  add(RS, BM, -kon * rs);
  add(RS, AS, koff);
  add(RS, BS, koff);
  // RE
  add(RE, RS, r.kEndo);
  add(RE, RE, -(r.kRec + r.kEndoLys));
  // AS
  add(AS, AM, kon * rs);
  add(AS, RS, kon * am);
  add(AS, AS, -koff - r.kEndoComplex - r.kDec);
  add(AS, AE, r.kRecComplex);
  // BS
  add(BS, BM, kon * rs);
  add(BS, RS, kon * bm);
  add(BS, BS, -koff - r.kEndoComplex);
  add(BS, BE, r.kRecComplex);
  add(BS, AS, r.kDec);
  // AE, BE
  add(AE, AS, r.kEndoComplex);
  add(AE, AE, -(r.kRecComplex + r.kEndoLys));
  add(BE, BS, r.kEndoComplex);
  add(BE, BE, -(r.kRecComplex + r.kEndoLys));
  // AL
  add(AL, AE, r.kEndoLys);
  add(AL, AM, pinoK);
  add(AL, AL, -r.kProt);
  // CL
  add(CL, AL, r.dar * r.kProt);
  add(CL, CL, -kLys);
  // CC: kLys·cl + catIn − catOut − catBind
  add(CC, CL, kLys);
  add(CC, CM, r.kCatMem / alpha);
  add(CC, CC, -r.kCatMem - catSlope - r.konTarget * alpha * freeT);
  add(CC, CB, r.konTarget * alpha * cc + r.koffCat);
  add(CC, FB, r.konTarget * alpha * cc);
  // CB
  add(CB, CC, r.konTarget * alpha * freeT);
  add(CB, CB, -r.konTarget * alpha * cc - r.koffCat);
  add(CB, FB, -r.konTarget * alpha * cc);
  // FC: drugIn − drugOut − drugBind
  add(FC, FM, r.kDrugMem / alpha);
  add(FC, FC, -r.kDrugMem - drugSlope - r.konTarget * alpha * freeT);
  add(FC, FB, r.konTarget * alpha * fc + r.koffDrug);
  add(FC, CB, r.konTarget * alpha * fc);
  // FB
  add(FB, FC, r.konTarget * alpha * freeT);
  add(FB, FB, -r.konTarget * alpha * fc - r.koffDrug);
  add(FB, CB, -r.konTarget * alpha * fc);

  // Medium. P = live·beta multiplies per-cell fluxes, so ∂/∂n_k adds beta·flux.
  const pino = pinoK * am;
  const catIn = (r.kCatMem * (y[CM]! - alpha * cc)) / alpha;
  const drugIn = (r.kDrugMem * (y[FM]! - alpha * fc)) / alpha;
  const catOut = efflux(r, r.effluxCat, cc);
  const drugOut = efflux(r, r.effluxDrug, fc);
  const decS = r.kDec * as;

  // AM = −P(bindA + pino) − kDec·am − ecdA
  add(AM, AM, -P * (kon * rs + pinoK) - r.kDec - kon * em);
  add(AM, RS, -P * kon * am);
  add(AM, AS, P * koff);
  add(AM, EM, -kon * am);
  add(AM, EAM, koff);
  // BM = −P·bindB + kDec·am − ecdB
  add(BM, BM, -P * kon * rs - kon * em);
  add(BM, RS, -P * kon * bm);
  add(BM, BS, P * koff);
  add(BM, AM, r.kDec);
  add(BM, EM, -kon * bm);
  add(BM, EBM, koff);
  // EM = P·kShed·rs − ecdA − ecdB
  add(EM, RS, P * r.kShed);
  add(EM, EM, -kon * am - kon * bm);
  add(EM, AM, -kon * em);
  add(EM, BM, -kon * em);
  add(EM, EAM, koff);
  add(EM, EBM, koff);
  // EAM = ecdA − kDec·eam
  add(EAM, EM, kon * am);
  add(EAM, AM, kon * em);
  add(EAM, EAM, -koff - r.kDec);
  // EBM = ecdB + kDec·eam
  add(EBM, EM, kon * bm);
  add(EBM, BM, kon * em);
  add(EBM, EBM, -koff);
  add(EBM, EAM, r.kDec);
  // CM = dar·kDec(am + eam) + P(dar·decS − catIn + catOut) + beta·kTr·n3·dead
  const deaths = r.kTransit * n3;
  add(CM, AM, r.dar * r.kDec);
  add(CM, EAM, r.dar * r.kDec);
  add(CM, AS, P * r.dar * r.kDec + r.beta * deaths * r.dar);
  add(CM, CM, -P * (r.kCatMem / alpha));
  add(CM, CC, P * (r.kCatMem + catSlope) + r.beta * deaths);
  add(CM, CL, r.beta * deaths);
  add(CM, CB, r.beta * deaths);
  add(CM, AE, r.beta * deaths * r.dar);
  add(CM, AL, r.beta * deaths * r.dar);
  const deadPayload = cl + cc + cb + r.dar * (as + ae + al);
  add(CM, N3, r.beta * r.kTransit * deadPayload);
  // FM = P(drugOut − drugIn) + beta·kTr·n3·(fc + fb)
  add(FM, FM, -P * (r.kDrugMem / alpha));
  add(FM, FC, P * (r.kDrugMem + drugSlope) + r.beta * deaths);
  add(FM, FB, r.beta * deaths);
  add(FM, N3, r.beta * r.kTransit * (fc + fb));
  for (let c = N0; c <= N3; c++) {
    add(AM, c, -r.beta * (bindA + pino));
    add(BM, c, -r.beta * bindB);
    add(EM, c, r.beta * r.kShed * rs);
    add(CM, c, r.beta * (r.dar * decS - catIn + catOut));
    add(FM, c, r.beta * (drugOut - drugIn));
  }

  // Cells: N0 = g·n0 − κ·n0; N1 = κ·n0 − kTr·n1; …
  const theta = Math.max((cb + fb) / r.targetTotal, 0);
  const h = r.killHill;
  const th = theta ** h;
  const t50 = r.killOccupancy50 ** h;
  const kill = (r.killMax * th) / (th + t50);
  const dKill = theta > 0 ? (r.killMax * h * theta ** (h - 1) * t50) / ((th + t50) * (th + t50)) / r.targetTotal : 0;
  for (let c = N0; c <= N3; c++) add(N0, c, dgdN * n0);
  add(N0, N0, g - kill);
  add(N0, AS, dgdBound * n0);
  add(N0, BS, dgdBound * n0);
  add(N0, RS, dgdRs * n0);
  add(N0, CB, -dKill * n0);
  add(N0, FB, -dKill * n0);
  add(N1, N0, kill);
  add(N1, CB, dKill * n0);
  add(N1, FB, dKill * n0);
  add(N1, N1, -r.kTransit);
  add(N2, N1, r.kTransit);
  add(N2, N2, -r.kTransit);
  add(N3, N2, r.kTransit);
  add(N3, N3, -r.kTransit);
}
