import type { IncomingHttpHeaders } from "node:http";

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim();

/**
 * Why a state-changing request must be refused as cross-site (CSRF), or undefined when it
 * may go on. Browsers say where a request comes from (Sec-Fetch-Site, Origin); clients that
 * are not browsers send neither and carry no ambient cookies to abuse.
 */
export const crossSiteReason = (headers: IncomingHttpHeaders): string | undefined => {
  const site = first(headers["sec-fetch-site"]);
  if (site && site !== "same-origin" && site !== "none") {
    return `it was sent by a ${site} page`;
  }
  const origin = first(headers.origin);
  if (origin === undefined) return undefined;
  const host = first(headers["x-forwarded-host"]) ?? first(headers.host);
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return `its origin "${origin}" is not a web address`;
  }
  return originHost === host ? undefined : `it was sent from ${origin}, not from this server`;
};
