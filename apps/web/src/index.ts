/**
 * @adclab/web — the workbench's browser app. It is built by Vite (`npm run build -w @adclab/web`)
 * into dist/, which the server serves; nothing is exported for other packages.
 */
export {};
