import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Why a webhook call may not start a run, with the HTTP status to answer, or undefined when
 * it carries the configured token as `Authorization: Bearer <token>`.
 */
export const hookRefusal = (
  configured: string | undefined,
  headers: IncomingHttpHeaders,
): { status: number; error: string } | undefined => {
  if (!configured) {
    return {
      status: 403,
      error:
        "Webhooks are off: set BATON_HOOK_TOKEN on the server, and send it as 'Authorization: Bearer <token>'.",
    };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? "");
  // equal-length digests compared in constant time: the answer's timing gives nothing away
  if (!match || !timingSafeEqual(digest(match[1]!), digest(configured))) {
    return {
      status: 401,
      error: "Send the webhook token as 'Authorization: Bearer <token>' (BATON_HOOK_TOKEN).",
    };
  }
  return undefined;
};
