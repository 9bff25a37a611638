// Preloaded in batch worker threads so that they can import the TypeScript sources (as bin/adclab.mjs does).
import { register } from "tsx/esm/api";

register();
