import { existsSync, readFileSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { pagePolicy } from "./security-headers.ts";

type THandler = (req: IncomingMessage, res: ServerResponse) => void;

/** Serves the built web app, with index.html for every client-side route. */
export const createStaticWeb = (webDir: string): THandler => {
  if (!existsSync(path.join(webDir, "index.html"))) {
    return (_req, res) => {
      res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
      res.end(`The web app is not built (${webDir} has no index.html): run \`npm run build\`.\n`);
    };
  }
  const serve = sirv(webDir, {
    single: true,
    etag: true,
    // Look files up per request: a cached list goes stale when the web app is rebuilt under a
    // running server, and sirv then crashes the process reading a file that is gone.
    dev: true,
    // hashed assets never change; index.html must always be fresh
    setHeaders: (res, pathname) => {
      res.setHeader(
        "cache-control",
        pathname.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  const policy = currentPagePolicy(path.join(webDir, "index.html"));
  return (req, res) => {
    res.setHeader("content-security-policy", policy());
    serve(req, res, () => {
      res.writeHead(404).end();
    });
  };
};

/** The pages' policy, read again when index.html changes (a rebuild changes its inline scripts). */
const currentPagePolicy = (indexPath: string) => {
  let cached = { mtimeMs: -1, policy: "" };
  return () => {
    const mtimeMs = statSync(indexPath, { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtimeMs !== cached.mtimeMs) {
      cached = { mtimeMs, policy: pagePolicy(mtimeMs ? readFileSync(indexPath, "utf8") : "") };
    }
    return cached.policy;
  };
};
