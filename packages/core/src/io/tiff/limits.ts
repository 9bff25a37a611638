/**
 * The limits a TIFF must stay within before ADCLab decodes it. Each one exists because a
 * file of a few bytes could otherwise make the reader loop, allocate gigabytes or run for
 * minutes; each refusal is an InputError that names the limit and its value, so a user with a
 * genuinely large image knows which number stood in the way.
 */
export interface TiffLimits {
  /** Pages (IFDs) in one file. A longer chain, or one that loops, is refused. */
  maxPages: number;
  /** Declared pixel bytes of one page (width × height × samples × bytes per sample). */
  maxPageBytes: number;
  /** Declared pixel bytes of all pages together. */
  maxDecodedBytes: number;
  /**
   * Declared pixel bytes per byte of file, once past `ratioFloorBytes`: Deflate cannot
   * expand more than ~1,032×, PackBits 64×, so a file past this ratio is a bomb, not an image.
   */
  maxCompressionRatio: number;
  /** Below this many declared bytes the ratio is not checked (tiny all-zero test images). */
  ratioFloorBytes: number;
  /** Channels × slices × frames that an ImageJ description or OME-XML may declare. */
  maxPlanes: number;
  /** Samples per pixel of one page. */
  maxSamplesPerPixel: number;
}

export const DEFAULT_MAX_DECODED_BYTES = 2 ** 30;

export const DEFAULT_TIFF_LIMITS: Readonly<TiffLimits> = Object.freeze({
  maxPages: 65_536,
  // 8192 × 8192 16-bit: a large confocal field; larger planes are slide scans, not co-localization.
  maxPageBytes: 2 ** 27,
  maxDecodedBytes: DEFAULT_MAX_DECODED_BYTES,
  maxCompressionRatio: 1024,
  ratioFloorBytes: 2 ** 24,
  maxPlanes: 65_536,
  maxSamplesPerPixel: 64,
});

/** "134,217,728 bytes (128 MiB)": the exact figure and a readable one. */
export function formatBytes(n: number): string {
  const mib = n / 2 ** 20;
  return `${n.toLocaleString("en-US")} bytes (${mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Number((n / 1024).toFixed(1))} KiB`})`;
}
