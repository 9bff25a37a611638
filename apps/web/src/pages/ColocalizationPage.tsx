/**
 * Co-localization (Protocol 1): upload a TIFF / OME-TIFF (or one file per channel) and optionally
 * a mask or a label image, pick the two channels from their previews, and run `adclab coloc` on
 * the server (the `coloc` analysis, stored with the files' SHA-256). The files go into a
 * "Co-localization" project, one experiment per visit of the page.
 */

import { type ColocChannelPreview, type ColocImageInfo, colocContract, metaOf } from "@adclab/analyses";
import type { ColocJson } from "@adclab/analyses/tables";
import { type FormEvent, useState } from "react";
import { api, type RawFile } from "../api.ts";
import { uploadFile, useUploadExperiment } from "../data/upload.ts";
import { formatNumber } from "../format.ts";
import { OptionsForm } from "../forms/OptionsForm.tsx";
import { formFields, initialValues, optionsFromForm } from "../forms/option-values.ts";
import { ColocalizationBatch } from "./ColocalizationBatch.tsx";

import { ColocalizationResults } from "./ColocalizationResults.tsx";

/** GET /api/files/{id}/channels: the image's info, each preview's PNG as a data: URL. */
export type ImageChannels = Omit<ColocImageInfo, "previews"> & {
  previews: (Omit<ColocChannelPreview, "png"> & { png: string })[];
};

/** The page draws the channels (picked from the previews) and the threshold itself; the contract's form the rest. */
const OWN_CONTROLS = ["ch1", "ch2", "threshold"];
const FIELDS = formFields(colocContract).filter((f) => !OWN_CONTROLS.includes(f.key));
/** The control names the page has always had (the browser test finds them by name). */
const controlName = (key: string) => (key === "costesIterations" ? "iterations" : key);
const label = (key: string) => metaOf(colocContract, key).label;

interface Uploaded {
  file: RawFile;
  info?: ImageChannels;
}

/** This visit's uploads: one experiment of the "Co-localization" project. */
export const COLOC_UPLOADS = {
  project: "Co-localization",
  description: "Images analysed on the Co-localization page",
  experiment: "Images",
};

/** Uploads an image (TIFF unless the browser knows the file's type). */
export const uploadTo = (experimentId: string, file: File) => uploadFile(experimentId, file, "image/tiff");

function ChannelPreviews({ info, testId }: { info: ImageChannels; testId: string }) {
  return (
    <div data-testid={testId}>
      <p className="hint">
        {info.file}: {info.width}×{info.height}
        {info.slices > 1 ? `×${info.slices} slices` : ""}
        {info.frames > 1 ? `, ${info.frames} time points` : ""}, {info.channels} channel{info.channels === 1 ? "" : "s"}
        , {info.sampleType} ({info.format})
        {info.pixelSize ? `, pixel ${formatNumber(info.pixelSize.x, 4)} ${info.pixelSize.unit}` : ""}
      </p>
      <div className="coloc-previews">
        {info.previews.map((p) => (
          <figure key={p.index}>
            <img src={p.png} alt={`channel ${p.index}${p.name ? ` (${p.name})` : ""}`} />
            <figcaption>
              {p.index}
              {p.name ? ` · ${p.name}` : ""}
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}

const channelLabel = (p: ImageChannels["previews"][number]) => `${p.index}${p.name ? ` · ${p.name}` : ""}`;

export function ColocalizationPage() {
  const { experiment, ensure } = useUploadExperiment(COLOC_UPLOADS);
  const [image, setImage] = useState<Uploaded>();
  const [image2, setImage2] = useState<Uploaded>();
  const [regionKind, setRegionKind] = useState<"none" | "mask" | "labels">("none");
  const [region, setRegion] = useState<RawFile>();
  const [ch1, setCh1] = useState("1");
  const [ch2, setCh2] = useState("2");
  const [method, setMethod] = useState("costes");
  const [manual, setManual] = useState({ a: "", b: "" });
  const [optionValues, setOptionValues] = useState(() => initialValues(FIELDS));
  const [result, setResult] = useState<{ id: string; results: ColocJson }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();

  async function uploadImage(list: FileList | null, which: 1 | 2) {
    const f = list?.[0];
    if (!f) return;
    setError(undefined);
    setResult(undefined);
    setBusy(`Uploading ${f.name}…`);
    try {
      const e = await ensure();
      const file = await uploadTo(e.id, f);
      const info = await api<ImageChannels>(`/api/files/${file.id}/channels`);
      if (which === 1) {
        setImage({ file, info });
        setCh1("1");
        setCh2(image2 ? "1" : info.channels > 1 ? "2" : "1");
      } else {
        setImage2({ file, info });
        setCh2("1");
      }
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function uploadRegion(list: FileList | null) {
    const f = list?.[0];
    if (!f) return;
    setError(undefined);
    setBusy(`Uploading ${f.name}…`);
    try {
      const e = await ensure();
      setRegion(await uploadTo(e.id, f));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  async function analyse(e: FormEvent) {
    e.preventDefault();
    if (!experiment || !image) return;
    setError(undefined);
    setBusy("Analysing…");
    try {
      const inputs: Record<string, string> = { image: image.file.id };
      if (image2) inputs.image2 = image2.file.id;
      if (region && regionKind !== "none") inputs[regionKind] = region.id;
      const options = {
        ch1: Number(ch1),
        ch2: Number(ch2),
        threshold: method === "manual" ? `manual:${manual.a},${manual.b}` : method,
        ...optionsFromForm(FIELDS, optionValues),
      };
      const a = await api<{ id: string; status: string; results: ColocJson; error?: { message?: string } }>(
        `/api/experiments/${experiment.id}/analyses`,
        { json: { kind: "coloc", inputs, options } },
      );
      if (a.status !== "done") throw new Error(a.error?.message ?? `the analysis ${a.status}`);
      setResult({ id: a.id, results: a.results });
    } catch (err) {
      setResult(undefined);
      setError((err as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  const ch2Source = image2?.info ?? image?.info;
  return (
    <section>
      <h1>Co-localization</h1>
      <p className="hint">
        Protocol 1: how much labelled T-DM1 sits in lysosomes (LAMP1 or LysoTracker), with Fiji Coloc 2's metrics — the
        same analysis as <code>adclab coloc</code>. Per cell with a label image (CellProfiler, Cellpose).
      </p>
      <form onSubmit={analyse} aria-label="Co-localization">
        <h2>Images</h2>
        <div className="row">
          <label>
            Image (TIFF, OME-TIFF, ImageJ hyperstack)
            <input type="file" accept=".tif,.tiff,image/tiff" onChange={(e) => uploadImage(e.target.files, 1)} />
          </label>
          <label>
            Channel 2 in its own file (optional)
            <input
              type="file"
              accept=".tif,.tiff,image/tiff"
              disabled={!image}
              onChange={(e) => uploadImage(e.target.files, 2)}
            />
          </label>
          <label>
            Region
            <select
              name="region"
              value={regionKind}
              onChange={(e) => setRegionKind(e.target.value as typeof regionKind)}
            >
              <option value="none">whole image</option>
              <option value="mask">binary mask / ROI image</option>
              <option value="labels">label image (one result per cell)</option>
            </select>
          </label>
          {regionKind !== "none" ? (
            <label>
              {regionKind === "labels" ? "Label image" : "Mask"}
              <input
                name="regionFile"
                type="file"
                accept=".tif,.tiff,image/tiff"
                onChange={(e) => uploadRegion(e.target.files)}
              />
            </label>
          ) : null}
        </div>
        {experiment ? (
          <p className="hint" data-testid="coloc-experiment">
            Files are kept with their SHA-256 in project {COLOC_UPLOADS.project} › {experiment.name} (see Projects).
            {region && regionKind !== "none"
              ? ` ${regionKind === "labels" ? "Label image" : "Mask"}: ${region.originalName}.`
              : ""}
          </p>
        ) : null}
        {image?.info ? <ChannelPreviews info={image.info} testId="coloc-previews" /> : null}
        {image2?.info ? <ChannelPreviews info={image2.info} testId="coloc-previews-2" /> : null}
        {image?.info && ch2Source ? (
          <>
            <h2>Channels and thresholds</h2>
            <div className="row">
              <label title={metaOf(colocContract, "ch1").description}>
                {label("ch1")}
                <select name="ch1" value={ch1} onChange={(e) => setCh1(e.target.value)}>
                  {image.info.previews.map((p) => (
                    <option key={p.index} value={p.index}>
                      {channelLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
              <label title={metaOf(colocContract, "ch2").description}>
                {label("ch2")}
                <select name="ch2" value={ch2} onChange={(e) => setCh2(e.target.value)}>
                  {ch2Source.previews.map((p) => (
                    <option key={p.index} value={p.index}>
                      {channelLabel(p)}
                    </option>
                  ))}
                </select>
              </label>
              <label title={metaOf(colocContract, "threshold").description}>
                {label("threshold")}
                <select name="threshold" value={method} onChange={(e) => setMethod(e.target.value)}>
                  <option value="costes">Costes (Coloc 2's bisection)</option>
                  <option value="costes-classic">Costes (classic, step by step)</option>
                  <option value="otsu">Otsu</option>
                  <option value="manual">manual</option>
                </select>
              </label>
              {method === "manual" ? (
                <>
                  <label>
                    T1
                    <input
                      name="t1"
                      size={6}
                      value={manual.a}
                      onChange={(e) => setManual({ ...manual, a: e.target.value })}
                    />
                  </label>
                  <label>
                    T2
                    <input
                      name="t2"
                      size={6}
                      value={manual.b}
                      onChange={(e) => setManual({ ...manual, b: e.target.value })}
                    />
                  </label>
                </>
              ) : null}
            </div>
            <OptionsForm fields={FIELDS} values={optionValues} onChange={setOptionValues} name={controlName} />
            <div className="row">
              <button type="submit" disabled={!!busy}>
                Analyse
              </button>
            </div>
          </>
        ) : null}
      </form>
      {busy ? (
        <p role="status" className="hint">
          {busy}
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <ColocalizationResults analysisId={result.id} result={result.results} /> : null}
      <ColocalizationBatch ensure={ensure} />
    </section>
  );
}
