export { type CytofluorogramInput, cytofluorogramSvg } from "./cytofluorogram.ts";
