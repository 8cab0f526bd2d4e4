import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";

/** What an answer that is not a page (API, webhook, health) lets a browser do with it: nothing. */
const API_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every answer carries: no framing (clickjacking), no type sniffing, no leaked addresses. */
export const setSecurityHeaders = (res: ServerResponse) => {
  res.setHeader("content-security-policy", API_POLICY);
  res.setHeader("x-frame-options", "DENY");
  res.setHeader("x-content-type-options", "nosniff");
  // not no-referrer: with it, browsers send `Origin: null` on the app's own POSTs, which the
  // cross-site check (auth/same-origin.ts) then refuses
  res.setHeader("referrer-policy", "same-origin");
};

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The Content-Security-Policy of the web app's pages: scripts only from this server, and
 * the inline scripts of its index.html by their hashes; images only from here (a remote
 * image in a task's instructions would tell its host who reads them).
 * `'unsafe-eval'`: Ajv compiles JSON Schemas into functions in the browser (the designer's
 * checks, task forms, the restart input editor). Styles come from this server only: React
 * sets style properties through the DOM, which the policy allows.
 * e2e/specs/security.spec.ts walks the app's pages and fails on any violation.
 */
export const pagePolicy = (indexHtml: string): string => {
  const hashes = [...indexHtml.matchAll(INLINE_SCRIPT)].map(
    ([, script]) => `'sha256-${createHash("sha256").update(script!).digest("base64")}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-eval' ${hashes.join(" ")}`.trim(),
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
};
