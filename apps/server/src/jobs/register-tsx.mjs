// Preloaded in job worker threads so that they can import the TypeScript sources (the server runs under tsx).
import { register } from "tsx/esm/api";

register();
