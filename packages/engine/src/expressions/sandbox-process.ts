import { evaluateToJson } from "@baton/model/expression";
import type { TSandboxRequest, TSandboxResponse } from "./sandbox-protocol.ts";

const maxResultBytes = Number(process.env.BATON_SANDBOX_MAX_RESULT_BYTES);
const reply = (response: TSandboxResponse) => process.send?.(response);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

process.on("message", async ({ id, text, context }: TSandboxRequest) => {
  try {
    const json = await evaluateToJson(text, context);
    const bytes = json === undefined ? 0 : Buffer.byteLength(json);
    if (bytes > maxResultBytes) {
      reply({
        type: "failed",
        id,
        message: `The expression "${text}" produced ${megabytes(bytes)} of data; a value may hold at most ${megabytes(maxResultBytes)}.`,
      });
      return;
    }
    reply({ type: "result", id, json });
  } catch (error) {
    reply({ type: "failed", id, message: (error as Error).message });
  }
});
// the parent going away ends the sandbox too
process.on("disconnect", () => process.exit(0));
reply({ type: "ready" });
