/** Recognising the columns of a qPCR table from the names labs and instrument programs give them. */

export type QpcrField =
  | "well"
  | "sample"
  | "group"
  | "gene"
  | "cq"
  | "replicate"
  | "quantity"
  | "efficiency"
  | "role"
  | "tm";

/** Accepted spellings, compared lower-case with spaces, "_", "-", "." and "()" removed. */
const ALIASES: Record<QpcrField, readonly string[]> = {
  well: ["well", "wellposition", "position", "wellid"],
  sample: ["sample", "samplename", "sampleid", "biologicalreplicate", "biorep"],
  group: ["group", "condition", "cellline", "line", "biologicalgroup", "biologicalsetname", "treatment"],
  gene: ["gene", "target", "targetname", "detector", "detectorname", "assay", "primer"],
  cq: ["cq", "ct", "cт", "crt", "cp", "cqvalue", "ctvalue"],
  replicate: ["replicate", "technicalreplicate", "rep", "techrep"],
  quantity: ["quantity", "amount", "startingquantity", "sq", "dilution", "input", "concentration"],
  efficiency: ["efficiency", "amplificationfactor", "amplification"],
  role: ["role", "task", "content", "type", "sampletype"],
  tm: ["tm", "melttemperature", "meltingtemperature", "tm1"],
};

export const REQUIRED_QPCR_FIELDS: readonly QpcrField[] = ["sample", "gene", "cq"];

export interface QpcrColumns {
  index: Partial<Record<QpcrField, number>>;
  header: Partial<Record<QpcrField, string>>;
}

export const compactHeader = (s: string) => s.toLowerCase().replace(/[\s_\-.()°]/g, "");

export function mapQpcrColumns(headers: readonly string[]): QpcrColumns {
  const map: QpcrColumns = { index: {}, header: {} };
  headers.forEach((h, i) => {
    const key = compactHeader(h);
    const field = (Object.keys(ALIASES) as QpcrField[]).find((f) => ALIASES[f].includes(key));
    if (field && map.index[field] === undefined) {
      map.index[field] = i;
      map.header[field] = h;
    }
  });
  return map;
}

export function describeQpcrField(f: QpcrField): string {
  return `a '${f}' column (also accepted: ${ALIASES[f]
    .filter((a) => a !== f)
    .slice(0, 4)
    .join(", ")})`;
}

/** True when a header names a known non-gene column (for the wide table). */
export function isKnownField(header: string): QpcrField | undefined {
  const key = compactHeader(header);
  return (Object.keys(ALIASES) as QpcrField[]).find((f) => ALIASES[f].includes(key));
}
