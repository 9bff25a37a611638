/**
 * The two metadata dialects that say how a TIFF's pages form channels, z-slices and time points:
 * - ImageJ: the ImageDescription "ImageJ=…\nimages=…\nchannels=…\nslices=…\nframes=…" with pages
 *   in CZT order (channel fastest), and "unit=", "spacing=" for the pixel size (as Fiji writes it).
 * - OME-TIFF: the OME-XML in the first page's ImageDescription (OME Data Model,
 *   https://docs.openmicroscopy.org/ome-model/): Pixels SizeC/SizeZ/SizeT, DimensionOrder,
 *   PhysicalSizeX/Y/Z with their units, and Channel Name.
 * Parsed with regular expressions over the text: only a handful of attributes are needed, and the
 * core has no DOM (it runs in the browser and in Node alike).
 */

export interface StackLayout {
  format: "imagej" | "ome" | "tiff";
  channels: number;
  slices: number;
  frames: number;
  /** Page index of (c, z, t). */
  pageOf(c: number, z: number, t: number): number;
  channelNames: (string | null)[];
  pixelSize?: { x: number; y: number; z?: number; unit: string };
}

/**
 * The largest channels × slices × frames a description may declare, checked before anything is
 * sized by it (channels=1000000000 would make a billion channel names). The reader passes the
 * planes the file can hold (capped by its maxPlanes limit) and how to word the refusal.
 */
export interface PlaneBound {
  maxPlanes: number;
  refuse(dialect: "ImageJ description" | "OME-XML", planes: number): Error;
}

function checkPlanes(dialect: "ImageJ description" | "OME-XML", planes: number, bound: PlaneBound | undefined) {
  if (bound && planes > bound.maxPlanes) throw bound.refuse(dialect, planes);
}

/** ImageJ's description, or null when the text is not one. */
export function parseImageJDescription(
  text: string,
  bound?: PlaneBound,
): Omit<StackLayout, "format" | "pageOf"> | null {
  if (!/^ImageJ=/.test(text)) return null;
  const field = (name: string): string | undefined => new RegExp(`(?:^|\\n)${name}=([^\\n\\0]*)`).exec(text)?.[1];
  const int = (name: string) => {
    const v = Number(field(name));
    return Number.isInteger(v) && v > 0 ? v : 1;
  };
  const channels = int("channels");
  const slices = int("slices");
  const frames = int("frames");
  checkPlanes("ImageJ description", channels * slices * frames, bound);
  const unit = field("unit");
  const spacing = Number(field("spacing"));
  return {
    channels,
    slices,
    frames,
    channelNames: Array.from({ length: channels }, () => null),
    ...(unit ? { pixelSize: { x: Number.NaN, y: Number.NaN, ...(spacing > 0 ? { z: spacing } : {}), unit } } : {}),
  };
}

/** The OME-XML's first image, or null when the text is not OME-XML. */
export function parseOmeXml(
  text: string,
  bound?: PlaneBound,
): (Omit<StackLayout, "format" | "pageOf"> & { dimensionOrder: string }) | null {
  if (!/<OME[\s>]/.test(text)) return null;
  const pixels = /<(?:\w+:)?Pixels\s([^>]*)>/.exec(text);
  if (!pixels) return null;
  const attrs = attributes(pixels[1] as string);
  const size = (k: string) => {
    const v = Number(attrs[k]);
    return Number.isInteger(v) && v > 0 ? v : 1;
  };
  const channels = size("SizeC");
  checkPlanes("OME-XML", channels * size("SizeZ") * size("SizeT"), bound);
  const names: (string | null)[] = [];
  for (const m of text.matchAll(/<(?:\w+:)?Channel\s([^>]*?)\/?>/g)) {
    const a = attributes(m[1] as string);
    // A channel with SamplesPerPixel > 1 (RGB) stands for several; rare in fluorescence.
    names.push(a.Name ? decodeEntities(a.Name) : null);
  }
  while (names.length < channels) names.push(null);
  const px = Number(attrs.PhysicalSizeX);
  const py = Number(attrs.PhysicalSizeY);
  const pz = Number(attrs.PhysicalSizeZ);
  const unit = attrs.PhysicalSizeXUnit ? decodeEntities(attrs.PhysicalSizeXUnit) : "µm"; // the OME default unit
  return {
    channels,
    slices: size("SizeZ"),
    frames: size("SizeT"),
    dimensionOrder: attrs.DimensionOrder ?? "XYCZT",
    channelNames: names.slice(0, channels),
    ...(px > 0 ? { pixelSize: { x: px, y: py > 0 ? py : px, ...(pz > 0 ? { z: pz } : {}), unit } } : {}),
  };
}

/** Page index for (c, z, t) given the order of the non-XY dimensions, fastest first (e.g. "CZT"). */
export function pageIndexer(
  order: string,
  sizes: { C: number; Z: number; T: number },
): (c: number, z: number, t: number) => number {
  const dims = order.replace(/^XY/, "").split("") as ("C" | "Z" | "T")[];
  return (c, z, t) => {
    const at = { C: c, Z: z, T: t };
    let index = 0;
    let stride = 1;
    for (const d of dims) {
      index += at[d] * stride;
      stride *= sizes[d];
    }
    return index;
  };
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)) out[(m[1] as string).replace(/^\w+:/, "")] = m[2] as string;
  return out;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}
