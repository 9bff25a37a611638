export { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK } from "./errors.ts";
export { type CliIo, memoryIo } from "./io.ts";
export { buildProgram, main } from "./main.ts";
export { createProgress, type Progress } from "./progress.ts";
