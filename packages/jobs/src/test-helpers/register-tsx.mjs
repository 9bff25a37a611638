// Preloaded in the test workers so that they can import TypeScript job modules.
import { register } from "tsx/esm/api";

register();
