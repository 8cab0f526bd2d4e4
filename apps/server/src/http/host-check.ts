import { isIP } from "node:net";

/** The host name of a Host header or an address: lower case, without the port or brackets. */
export const hostnameOf = (host: string): string => {
  const lower = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\]/.exec(lower);
  if (bracketed) return bracketed[1]!;
  // a bare IPv6 address has several colons; a name or IPv4 address at most one, before the port
  return isIP(lower) === 6 ? lower : lower.replace(/:\d*$/, "");
};

/**
 * Whether a request's Host header names this server, against DNS rebinding: a page on
 * another site whose name was pointed at this server's address must not reach the API.
 * Addresses (127.0.0.1, [::1], 192.0.2.7) and `localhost` cannot be repointed by a web
 * page, so they pass; names pass when they are the listening address or in
 * BATON_ALLOWED_HOSTS. Answers why not, or undefined when the request may go on.
 */
export const hostRefusal = (
  host: string | undefined,
  allowed: { listenHost: string; allowedHosts: string[] },
): string | undefined => {
  if (!host) return "The request has no Host header: send one (HTTP/1.1 requires it).";
  const name = hostnameOf(host);
  if (isIP(name) || name === "localhost") return undefined;
  if (name === hostnameOf(allowed.listenHost)) return undefined;
  if (allowed.allowedHosts.some((entry) => hostnameOf(entry) === name)) return undefined;
  return `This server does not answer to the name "${name}" (the request's Host header). If that is its name, add it to BATON_ALLOWED_HOSTS on the server (names separated by commas).`;
};
