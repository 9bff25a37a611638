/** @adclab/server — the HTTP API (Hono + OpenAPI 3.1) and the workbench server. */
export { createApp } from "./app.ts";
export type { App, ServerOptions } from "./context.ts";
export { DEFAULT_MAX_UPLOAD_BYTES } from "./context.ts";
export {
  checkBindAddress,
  DEFAULT_DATA_DIR,
  DEFAULT_PORT,
  type RunningServer,
  type StartOptions,
  startServer,
} from "./listen.ts";
