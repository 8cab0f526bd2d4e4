import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { inForeground } from "@baton/db";
import { BatonError } from "@baton/model";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createRequestContext } from "../auth/request-context.ts";
import { appRouter } from "../trpc/root.ts";
import type { TAppServices } from "../trpc/trpc.ts";
import { createStaticWeb } from "./static-web.ts";
import { handleWebhook } from "./webhook.ts";

const sendJson = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
};

const health = async (services: TAppServices, res: ServerResponse) => {
  try {
    await services.db.prisma.$queryRaw`select 1`;
    sendJson(res, 200, { status: "ok", database: services.db.kind, version: services.version });
  } catch (error) {
    sendJson(res, 503, {
      status: "unavailable",
      database: services.db.kind,
      error: (error as Error).message,
    });
  }
};

export const createHttpServer = (services: TAppServices): Server => {
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: "/trpc/",
    createContext: ({ req, res }) => createRequestContext(services, req, res),
  });
  const web = createStaticWeb(services.config.webDir);
  const dispatch = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url.startsWith("/trpc/")) return trpc(req, res);
    if (url === "/healthz" || url.startsWith("/healthz?")) return void health(services, res);
    if (url.startsWith("/hooks/")) return void handleWebhook(services, req, res);
    return web(req, res);
  };
  // a person or a caller waits for each request: its statements go before the steps'
  return createServer((req, res) => inForeground(() => dispatch(req, res)));
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
