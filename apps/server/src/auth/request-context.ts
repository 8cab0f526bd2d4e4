import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import type { TAppServices, TContext } from "../trpc/trpc.ts";
import { parseCookies } from "./cookies.ts";
import { readSession, SESSION_COOKIE } from "./sessions.ts";

const isSecure = (req: IncomingMessage) =>
  Boolean((req.socket as TLSSocket).encrypted) ||
  String(req.headers["x-forwarded-proto"] ?? "")
    .split(",")[0]
    ?.trim() === "https";

/** A tRPC context for one HTTP request: the services and the session its cookie stands for. */
export const createRequestContext = async (
  services: TAppServices,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<TContext> => ({
  ...services,
  request: {
    headers: req.headers,
    secure: isSecure(req),
    ip: req.socket.remoteAddress ?? "unknown",
    setCookie: (value) => res.appendHeader("set-cookie", value),
  },
  session: await readSession(
    services.db.prisma,
    parseCookies(req.headers.cookie).get(SESSION_COOKIE),
  ),
});
