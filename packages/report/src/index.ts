/** @adclab/report — public barrel. Nothing is exported yet: see CONTEXT.md for what lands here and when. */
export {};
