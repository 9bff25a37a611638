/** Recorded with every stored result and every simulator-derived table. Keep in step with package.json. */
export const ADCLAB_VERSION = "0.1.0";
