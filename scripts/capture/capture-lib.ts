/**
 * Runs the captured cases in this process — the CLI through main(argv, memoryIo()), the API
 * through app.request() on a fresh embedded PGlite — and renders each outcome as one readable
 * text (scripts/capture/README.md). A rendering is injective: two outputs render alike only when
 * they are byte for byte the same after the normalizer (`normalize`, below).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { memoryIo } from "../../apps/cli/src/io.ts";
import { main } from "../../apps/cli/src/main.ts";
import type { CliCase } from "./cli-cases.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BASELINE = join(ROOT, "scripts/capture/baseline");

/**
 * The cases use paths relative to the repository root, as a user types them (and as the outputs
 * print them); help text is laid out for 80 columns, as commander does when stdout is not a
 * terminal, whatever terminal the capture is run from.
 */
export function prepareProcess(): void {
  process.chdir(ROOT);
  for (const s of [process.stdout, process.stderr])
    Object.defineProperty(s, "isTTY", { value: false, configurable: true, writable: true });
}

const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");
const bytes = (s: string) => Buffer.byteLength(s, "utf8");

/** A text block with its byte count (so that the rendering is unambiguous), then a newline. */
function block(title: string, text: string): string {
  return `--- ${title} (${bytes(text)} bytes)\n${text}\n`;
}

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=,+@%-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

const TEXT_OUTPUT = /\.(csv|tsv|txt)$/;

// ---- the normalizer --------------------------------------------------------------------------
/**
 * The one place volatile values are replaced; everything else is kept verbatim.
 * - the case's temporary folder (CLI: `{tmp}` in the arguments) → `<tmp>`;
 * - ids (UUIDs, which the database draws at random) → `<id:N>`, numbered by first appearance in
 *   the whole API session, so that an id that must equal another (a file's id in an analysis'
 *   inputs, a job's analysisId) still shows it; a download's file name made of an id's first 8 hex
 *   digits (the coloc rows CSV's `filename="coloc-1a2b3c4d.csv"`) gets the same `<id:N>`;
 * - ISO 8601 timestamps (createdAt, updatedAt, finishedAt, …) → `<time>`;
 * - on the CLI's stderr only, the elapsed seconds of a plain progress line
 *   (`fitting lines: 2/5 (40%) 0.3s NCI-N87` → `… (40%) <secs>s NCI-N87`): which lines are
 *   printed depends only on the counts, so the lines themselves are kept.
 * Nothing else varies between runs (checked by running the capture twice): no other durations,
 * no unseeded randomness (the Costes test's shuffles are seeded), and the ADCLab version is a
 * constant of the source.
 */
export class Normalizer {
  private readonly ids = new Map<string, string>();
  constructor(private readonly tmp: string[] = []) {}
  apply(text: string): string {
    let t = text;
    for (const p of this.tmp) t = t.split(p).join("<tmp>");
    t = t.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (id) => {
      const k = id.toLowerCase();
      let v = this.ids.get(k);
      if (v === undefined) {
        v = `<id:${this.ids.size + 1}>`;
        this.ids.set(k, v);
      }
      return v;
    });
    t = t.replace(/(filename="[^"]*?)([0-9a-f]{8})(?=\.\w+")/g, (whole, head: string, short: string) => {
      for (const [id, v] of this.ids) if (id.startsWith(short)) return `${head}${v}`;
      return whole;
    });
    return t.replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})/g, "<time>");
  }
  /** `apply`, and the elapsed seconds of the progress lines (src: apps/cli/src/progress.ts). */
  applyStderr(text: string): string {
    return this.apply(text).replace(/^(.*: \d+\/\d+ \(\d+%\)) \d+\.\ds/gm, "$1 <secs>s");
  }
}

// ---- the CLI ---------------------------------------------------------------------------------
async function* lines(ls: string[]): AsyncIterable<string> {
  yield* ls;
}

/** Runs one CLI case in this process and renders its exit code, stdout, stderr and written files. */
export async function runCliCase(c: CliCase): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "adclab-capture-"));
  try {
    const norm = new Normalizer([realpathSync(dir), dir]);
    const argv = c.argv.map((a) => a.split("{tmp}").join(dir));
    const io = memoryIo();
    const code = await main(argv, c.stdin ? Object.assign(io, { stdin: lines(c.stdin) }) : io);
    let out = `$ adclab ${c.argv.map((a) => quote(a.split("{tmp}").join("<tmp>"))).join(" ")}\n`;
    if (c.stdin) out += block("stdin", c.stdin.join("\n"));
    out += `exit code: ${code}\n`;
    out += block("stdout", norm.apply(io.out()));
    out += block("stderr", norm.applyStderr(io.err()));
    for (const f of c.outputs ?? []) {
      const p = join(dir, f);
      if (!existsSync(p)) {
        out += `--- file ${f}: not written\n`;
        continue;
      }
      const data = readFileSync(p);
      out += TEXT_OUTPUT.test(f)
        ? block(`file ${f}`, norm.apply(data.toString("utf8")))
        : `--- file ${f}: ${data.byteLength} bytes, sha256 ${sha256(data)}\n`;
    }
    const stray = readdirSync(dir).filter((f) => !(c.outputs ?? []).includes(f));
    if (stray.length) out += `--- also written: ${stray.sort().join(", ")}\n`;
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the API ---------------------------------------------------------------------------------
export interface ApiResponse {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: the scenario reads ids and statuses from the answers
  json: any;
  text: string;
}

/** One rendered API exchange: the request, the status, the headers that matter, the body. */
export function renderApi(
  method: string,
  path: string,
  request: string | undefined,
  status: number,
  headers: Headers,
  body: Uint8Array,
  norm: Normalizer,
  /** Record a text body by size and SHA-256 only (large SVGs). */
  hash = false,
): string {
  let out = `${method} ${norm.apply(path)}\n`;
  if (request !== undefined) out += block("request", norm.apply(request));
  out += `status: ${status}\n`;
  const type = headers.get("content-type") ?? "";
  for (const h of ["content-type", "content-disposition", "x-content-sha256"]) {
    const v = headers.get(h);
    if (v !== null) out += `${h}: ${norm.apply(v)}\n`;
  }
  if (
    hash ||
    /^image\/png|^application\/octet-stream/.test(type) ||
    (!/^(text|application\/json|image\/svg)/.test(type) && body.byteLength > 0 && !isUtf8(body))
  ) {
    return `${out}--- body: ${body.byteLength} bytes, sha256 ${sha256(body)}\n`;
  }
  const text = norm.apply(Buffer.from(body).toString("utf8"));
  if (/json/.test(type)) {
    // Compact JSON on the wire is shown indented; that is lossless exactly when re-encoding the
    // parsed value gives the same bytes back, which is checked (else the body is shown as sent).
    try {
      const value = JSON.parse(text);
      if (JSON.stringify(value) === text)
        return out + block("body, compact JSON shown indented", JSON.stringify(value, null, 2));
    } catch {
      // not JSON after all: shown as sent
    }
  }
  return out + block("body", text);
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

// ---- comparing -------------------------------------------------------------------------------
/** The first differing lines of two renderings, with a little context, for a failure message. */
export function firstDifference(expected: string, actual: string, context = 3, shown = 12): string {
  const e = expected.split("\n");
  const a = actual.split("\n");
  let i = 0;
  while (i < e.length && i < a.length && e[i] === a[i]) i++;
  const from = Math.max(0, i - context);
  const cut = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}…` : s);
  const lines = [`first difference at line ${i + 1}:`];
  for (let k = from; k < i; k++) lines.push(`  ${cut(e[k]!)}`);
  for (let k = i; k < Math.min(e.length, i + shown); k++) lines.push(`- ${cut(e[k]!)}`);
  for (let k = i; k < Math.min(a.length, i + shown); k++) lines.push(`+ ${cut(a[k]!)}`);
  return lines.join("\n");
}

export const cliBaseline = (name: string) => join(BASELINE, "cli", `${name}.txt`);
export const apiBaseline = (name: string) => join(BASELINE, "api", `${name}.txt`);
