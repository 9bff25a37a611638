/** TIFF / ImageJ hyperstack / OME-TIFF reading over bytes (decoding by geotiff). */
export {
  DEFAULT_MAX_DECODED_BYTES,
  type ReadTiffOptions,
  readTiff,
  resolveChannel,
  type SampleType,
  type TiffStack,
} from "./read-tiff.ts";
