/** Vite build of the workbench into apps/web/dist, which the server (apps/server) serves. */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: true },
  // `vite dev` forwards API calls to a running `adclab serve` on its default port.
  server: { proxy: { "/api": "http://127.0.0.1:5174", "/openapi.json": "http://127.0.0.1:5174" } },
});
