/**
 * From the bytes of the user's file(s) to the two channels and the region to analyse: decodes the
 * TIFF(s), picks the channels (by number or name, or one file per channel), reads a mask or label
 * image and checks that everything has the same size. Every problem is an InputError naming the
 * file and the caller's field.
 */
import { InputError, type PixelArray, readTiff, resolveChannel, type TiffStack } from "@adclab/core";
import { CLI_FIELD_NAMES, type ColocFieldNames } from "./options.ts";

/** One input file: its name as the user knows it (a path for the CLI, the uploaded name for the API). */
export interface ColocFile {
  name: string;
  bytes: Uint8Array;
}

export interface ColocInput {
  image: ColocFile;
  /** Channel 2's file, when the channels are in separate files. */
  image2?: ColocFile;
  mask?: ColocFile;
  labels?: ColocFile;
  /** Channel specs: 1-based number or name (defaults 1 and 2, or 1 and 1 with two files). */
  ch1?: string;
  ch2?: string;
  /** 1-based time point (default 1). */
  frame?: number;
}

export interface ColocChannel {
  index: number;
  name: string | null;
}

export interface ColocPixels {
  /** The first file's stack: sizes, format, pixel size. */
  stack: TiffStack;
  channels: { ch1: ColocChannel; ch2: ColocChannel };
  ch1: PixelArray;
  ch2: PixelArray;
  /** The mask or label image, tiled to every slice; null for the whole image. */
  region: PixelArray | null;
  regionKind: "mask" | "labels" | null;
}

export async function readColocPixels(o: ColocInput, fields: ColocFieldNames = CLI_FIELD_NAMES): Promise<ColocPixels> {
  if (o.mask && o.labels) throw new InputError("give --mask or --labels, not both", { field: fields.labels });
  const a = await readTiff(o.image.bytes, { file: o.image.name });
  const b = o.image2 ? await readTiff(o.image2.bytes, { file: o.image2.name }) : a;
  const t = (o.frame ?? 1) - 1;
  let c1: number;
  let c2: number;
  if (o.image2) {
    c1 = resolveChannel(a, o.ch1 ?? "1", fields.ch1);
    c2 = resolveChannel(b, o.ch2 ?? "1", fields.ch2);
  } else {
    if (a.channels < 2) {
      throw new InputError(`the image has one channel, but co-localization needs two`, {
        file: o.image.name,
        expected: "a multi-channel image, or a second single-channel file: adclab coloc CH1.tif CH2.tif",
      });
    }
    c1 = resolveChannel(a, o.ch1 ?? "1", fields.ch1);
    c2 = resolveChannel(a, o.ch2 ?? "2", fields.ch2);
    if (c1 === c2) {
      throw new InputError(`${fields.ch1} and ${fields.ch2} name the same channel`, {
        file: o.image.name,
        field: fields.ch2,
      });
    }
  }
  if (b.width !== a.width || b.height !== a.height || b.slices !== a.slices) {
    throw new InputError(
      `is ${b.width}×${b.height}×${b.slices} but ${o.image.name} is ${a.width}×${a.height}×${a.slices}`,
      { file: o.image2?.name, expected: "both channels of the same size" },
    );
  }
  const ch1 = await a.readChannel(c1, t);
  const ch2 = await b.readChannel(c2, t); // may differ in sample type from ch1 (8- vs 16-bit files): fine

  const regionFile = o.labels ?? o.mask;
  let region: PixelArray | null = null;
  if (regionFile) {
    const field = o.labels ? fields.labels : fields.mask;
    const r = await readTiff(regionFile.bytes, { file: regionFile.name });
    if (r.width !== a.width || r.height !== a.height || (r.slices !== a.slices && r.slices !== 1)) {
      throw new InputError(
        `is ${r.width}×${r.height}${r.slices > 1 ? `×${r.slices}` : ""} but the image is ${a.width}×${a.height}${a.slices > 1 ? `×${a.slices}` : ""}`,
        { file: regionFile.name, field, expected: "a mask or label image of the image's size" },
      );
    }
    region = r.slices === a.slices ? await r.readChannel(0) : tile(await r.readPlane(0), a.slices);
  }
  return {
    stack: a,
    channels: {
      ch1: { index: c1 + 1, name: a.channelNames[c1] ?? null },
      ch2: { index: c2 + 1, name: b.channelNames[c2] ?? null },
    },
    ch1,
    ch2,
    region,
    regionKind: o.labels ? "labels" : o.mask ? "mask" : null,
  };
}

function tile(p: PixelArray, times: number): PixelArray {
  const out = new (p.constructor as new (n: number) => PixelArray)(p.length * times);
  for (let z = 0; z < times; z++) out.set(p, z * p.length);
  return out;
}
