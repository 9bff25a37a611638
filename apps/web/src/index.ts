/** @adclab/web — entry. Nothing is exported yet: see CONTEXT.md for what lands here and when. */
export {};
