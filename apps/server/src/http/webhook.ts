import type { IncomingMessage, ServerResponse } from "node:http";
import { isBatonError, jsonProblem, type TBatonErrorCode } from "@baton/model";
import type { TConfig } from "../config.ts";
import { startRun } from "../runs/start-run.ts";
import type { TAppServices } from "../trpc/trpc.ts";
import { hookRefusal } from "./hook-token.ts";
import { readBody } from "./read-body.ts";
import { HttpRefusal } from "./refusal.ts";
import { sendJson } from "./send-json.ts";

const decodeSlug = (encoded: string) => {
  let slug: string;
  try {
    slug = decodeURIComponent(encoded);
  } catch {
    throw new HttpRefusal(
      400,
      "The scenario in the address has a malformed percent escape: encode it with encodeURIComponent.",
    );
  }
  const problem = jsonProblem(slug, 1, "The scenario in the address");
  if (problem) throw new HttpRefusal(400, problem);
  return slug;
};

const MAX_WAIT_S = 300;

const statusOf: Partial<Record<TBatonErrorCode, number>> = {
  BAD_INPUT: 400,
  NOT_FOUND: 404,
  PRECONDITION_FAILED: 409,
  CONFLICT: 409,
};

/** The body as JSON (an empty body is `{}`), refused when it is none or Baton could not keep it. */
const readInput = async (req: IncomingMessage, config: TConfig): Promise<unknown> => {
  const text = (await readBody(req, config.maxBodyBytes)).toString("utf8").trim();
  if (!text) return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new HttpRefusal(400, "The body is not JSON: send the run's input as a JSON document.");
  }
  const problem = jsonProblem(input, config.limits.jsonDepth, "body");
  if (problem) throw new HttpRefusal(400, problem);
  return input;
};

/**
 * `POST /hooks/<scenario slug>` with the input as the JSON body starts a run of the
 * latest published version and answers `202 { runId }` at once; with `?wait=<seconds>`
 * it answers when the run ends: `200 { runId, status, output }` when it succeeded,
 * `422 { runId, status, error }` when it failed or was cancelled, or `202` with the
 * status so far when the wait ran out. Callers prove themselves with the webhook token
 * (BATON_HOOK_TOKEN); there is no session and so nothing for another site to ride on.
 */
export const handleWebhook = async (
  services: TAppServices,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  const send = (status: number, body: unknown) => sendJson(req, res, status, body);
  if (req.method !== "POST") {
    res.setHeader("allow", "POST");
    return send(405, { error: "Use POST with the run's input as a JSON body." });
  }
  const refusal = hookRefusal(services.config.hookToken, req.headers);
  if (refusal) return send(refusal.status, { error: refusal.error });
  const url = new URL(req.url ?? "/", "http://localhost");
  const slug = decodeSlug(url.pathname.slice("/hooks/".length));
  const waitParam = url.searchParams.get("wait");
  const waitS = waitParam === null ? 0 : Number(waitParam);
  if (!Number.isFinite(waitS) || waitS < 0 || waitS > MAX_WAIT_S) {
    return send(400, {
      error: `wait must be a number of seconds between 0 and ${MAX_WAIT_S}.`,
    });
  }
  const input = await readInput(req, services.config);

  try {
    const { runId, outcome } = await startRun(services, {
      target: { scenario: slug },
      input,
      trigger: "webhook",
      actorId: null,
      auditData: { scenario: slug },
      waitMs: waitS * 1000,
    });
    if (!outcome) return send(202, { runId });
    const { status, output, error } = outcome;
    if (status === "succeeded") return send(200, { runId, status, output });
    if (status === "failed" || status === "cancelled") {
      return send(422, { runId, status, error });
    }
    return send(202, { runId, status });
  } catch (error) {
    // anything else is for the dispatcher (server.ts) to log and answer
    if (!isBatonError(error) || !statusOf[error.code]) throw error;
    return send(statusOf[error.code]!, { error: error.message, details: error.details });
  }
};
