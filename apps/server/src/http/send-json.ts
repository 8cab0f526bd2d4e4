import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Answers with a JSON body. When the request's body was not read to its end, the connection
 * closes after the answer, so the rest is never read (the client still gets the answer).
 */
export const sendJson = (
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
) => {
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    ...(req.complete ? {} : { connection: "close" }),
  });
  res.end(JSON.stringify(body));
};
