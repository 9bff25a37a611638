/** `adclab protocol ID`: an assay's protocol as numbered steps (Protocol 1 as in the source document). */
import { ASSAYS, findAssay, findProtocol, InputError, PROTOCOL_IDS, PROTOCOLS, type Protocol } from "@adclab/core";
import type { CommandModule } from "../context.ts";

export function formatProtocol(p: Protocol): string {
  return [
    p.title,
    "",
    `Purpose: ${p.purpose}`,
    "",
    "Materials:",
    ...p.materials.map((m) => `  - ${m}`),
    "",
    "Procedure:",
    ...p.steps.map((s, i) => `  ${i + 1}. ${s}`),
    "",
    `Analysis: ${p.analysis}`,
    "",
    "Sources:",
    ...p.sources.map((s) => `  - ${s}`),
  ].join("\n");
}

export const protocolCommand: CommandModule = {
  name: "protocol",
  register(program, ctx) {
    program
      .command("protocol")
      .description("show a protocol as numbered steps (by protocol id or assay id); without an id, list them")
      .argument("[id]", `protocol or assay id, e.g. protocol-1, lysosomal-ph, slc46a3-qpcr`)
      .option("--json", "print JSON")
      .addHelpText("after", "\nExample: adclab protocol 1   # Protocol 1, lysosomal co-localization")
      .action((id: string | undefined, opts: { json?: boolean }) => {
        if (id === undefined) {
          const list = PROTOCOLS.map((p) => ({
            id: p.id,
            title: p.title,
            assays: ASSAYS.filter((a) => a.protocolId === p.id).map((a) => a.id),
          }));
          ctx.print(list, () => list.map((p) => `${p.id.padEnd(28)} ${p.title}`).join("\n"), !!opts.json);
          return;
        }
        const p = findProtocol(id) ?? (findAssay(id) ? findProtocol(findAssay(id)!.protocolId) : undefined);
        if (!p) {
          throw new InputError(`unknown protocol '${id}'`, {
            field: "<id>",
            expected: `a protocol (${PROTOCOL_IDS.join(", ")}) or an assay id (see 'adclab protocol')`,
          });
        }
        ctx.print(p, () => formatProtocol(p), !!opts.json);
      });
  },
};
