import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { inForeground } from "@baton/db";
import { BatonError } from "@baton/model";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { createRequestContext } from "../auth/request-context.ts";
import { appRouter } from "../trpc/root.ts";
import type { TAppServices } from "../trpc/trpc.ts";
import { describeUnexpected } from "./describe-unexpected.ts";
import { hostRefusal } from "./host-check.ts";
import { bodyTooLarge, HttpRefusal } from "./refusal.ts";
import { setSecurityHeaders } from "./security-headers.ts";
import { sendJson } from "./send-json.ts";
import { createStaticWeb } from "./static-web.ts";
import { handleWebhook } from "./webhook.ts";

const health = async (services: TAppServices, req: IncomingMessage, res: ServerResponse) => {
  const { db, version } = services;
  try {
    await db.prisma.$queryRaw`select 1`;
    sendJson(req, res, 200, { status: "ok", database: db.kind, version });
  } catch (error) {
    sendJson(req, res, 503, {
      status: "unavailable",
      database: db.kind,
      error: (error as Error).message,
    });
  }
};

type THandler = (req: IncomingMessage, res: ServerResponse) => unknown;

const TRPC_KEY_OF: Record<number, TRPC_ERROR_CODE_KEY> = {
  413: "PAYLOAD_TOO_LARGE",
  // no tRPC code means "wrong host"; FORBIDDEN is what a client should read it as
  421: "FORBIDDEN",
  500: "INTERNAL_SERVER_ERROR",
};

/** An error answer in the shape its route's clients read: tRPC's envelope for the API. */
const errorBody = (route: string, status: number, message: string) => {
  if (route !== "/trpc/") return { error: message };
  const key = TRPC_KEY_OF[status] ?? "BAD_REQUEST";
  return {
    error: { message, code: TRPC_ERROR_CODES_BY_KEY[key], data: { code: key, httpStatus: status } },
  };
};

/**
 * Answers whatever a handler threw or rejected with, so no request can crash the process or
 * be left without an answer: refusals with their status, a malformed address with 400, the
 * unexpected with a generic 500 (logged without anything the request carried).
 */
const answerFailure = (
  req: IncomingMessage,
  res: ServerResponse,
  route: string,
  error: unknown,
) => {
  const refusal =
    error instanceof HttpRefusal
      ? error
      : error instanceof URIError
        ? new HttpRefusal(
            400,
            "The address has a malformed percent escape (%): encode it with encodeURIComponent.",
          )
        : undefined;
  if (!refusal) console.error(`[http] ${req.method} ${route} failed: ${describeUnexpected(error)}`);
  // an answer already under way cannot change its status: cut it short, the client sees that
  if (res.headersSent) return void res.destroy();
  const status = refusal?.status ?? 500;
  sendJson(
    req,
    res,
    status,
    errorBody(
      route,
      status,
      refusal?.message ?? "The server failed to handle this request; its log has the details.",
    ),
  );
};

export const createHttpServer = (services: TAppServices): Server => {
  const { config } = services;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    maxBodySize: config.maxBodyBytes,
    maxBatchSize: config.maxBatch,
    createContext: ({ req, res }) => createRequestContext(services, req, res),
    // the rest of a body above the limit stays unread: close the connection after the answer
    responseMeta: ({ errors }) =>
      errors.some((error) => error.code === "PAYLOAD_TOO_LARGE")
        ? { headers: { connection: "close" } }
        : {},
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(
          `[trpc] ${path ?? "request"} failed: ${describeUnexpected(error.cause ?? error)}`,
        );
      }
    },
  });
  const web = createStaticWeb(config.webDir);
  const routes: { prefix: string; handle: THandler; checkHost: boolean }[] = [
    { prefix: "/trpc/", handle: trpc, checkHost: true },
    { prefix: "/healthz", handle: (req, res) => health(services, req, res), checkHost: false },
    // callers prove themselves with the webhook token, which a rebinding page does not have
    {
      prefix: "/hooks/",
      handle: (req, res) => handleWebhook(services, req, res),
      checkHost: false,
    },
  ];
  const webRoute = { prefix: "/", handle: web, checkHost: true };
  const routeOf = (url: string) =>
    routes.find(({ prefix }) =>
      prefix.endsWith("/")
        ? url.startsWith(prefix)
        : url === prefix || url.startsWith(`${prefix}?`),
    ) ?? webRoute;
  const allowed = { listenHost: config.host, allowedHosts: config.allowedHosts };
  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    setSecurityHeaders(res);
    const route = routeOf(req.url ?? "/");
    try {
      const wrongHost = route.checkHost ? hostRefusal(req.headers.host, allowed) : undefined;
      if (wrongHost) throw new HttpRefusal(421, wrongHost);
      if (Number(req.headers["content-length"]) > config.maxBodyBytes) {
        throw bodyTooLarge(config.maxBodyBytes);
      }
      await route.handle(req, res);
    } catch (error) {
      try {
        answerFailure(req, res, route.prefix, error);
      } catch {
        res.destroy();
      }
    }
  };
  // a person or a caller waits for each request: its statements go before the steps'
  return createServer((req, res) => inForeground(() => serve(req, res)));
};

/** Listens, turning the usual failures into one line that says what to do. */
export const listen = (server: Server, port: number, host: string): Promise<string> =>
  new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(
          new BatonError(
            "PORT_IN_USE",
            `port ${port} on ${host} is already in use: stop what uses it or set PORT to another port`,
          ),
        );
      } else if (error.code === "EACCES") {
        reject(
          new BatonError(
            "PORT_IN_USE",
            `no permission to listen on port ${port}: set PORT above 1023`,
          ),
        );
      } else {
        reject(error);
      }
    });
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      resolve(`http://${host.includes(":") ? `[${host}]` : host}:${bound}`);
    });
  });
