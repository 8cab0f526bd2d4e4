/** The name=value pairs of a Cookie header; the first of a repeated name wins. */
export const parseCookies = (header: string | undefined): Map<string, string> => {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // a value that is not valid percent-encoding is no cookie of ours
    }
  }
  return cookies;
};

export type TCookieOptions = { maxAgeSeconds: number; secure: boolean };

/** A Set-Cookie value the page's scripts cannot read and other sites do not send. */
export const serializeCookie = (name: string, value: string, options: TCookieOptions): string =>
  [
    `${name}=${encodeURIComponent(value)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${options.maxAgeSeconds}`,
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
