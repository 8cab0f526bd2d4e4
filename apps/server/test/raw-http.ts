import { type IncomingHttpHeaders, request } from "node:http";

export type TRawAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

export type TRawRequest = {
  method?: string;
  /** sent as written: malformed escapes and all */
  path: string;
  headers?: Record<string, string>;
  /** a string or buffer goes with its Content-Length; chunks go chunked, without one */
  body?: string | Buffer | (() => Iterable<Buffer>);
  /** the address the request comes from, e.g. 127.0.0.2 (any 127.x address reaches loopback) */
  localAddress?: string;
};

/**
 * One HTTP request exactly as given, for what fetch will not send: another Host, a malformed
 * address, a body without a length, another source address. Rejects when the connection
 * drops before a whole answer came; a body the server stopped reading is fine once the
 * answer is in. `sent` counts the body bytes written before the answer came.
 */
export const rawRequest = (
  url: string,
  options: TRawRequest,
): Promise<TRawAnswer & { sent: number }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    let answered = false;
    let sent = 0;
    const req = request(
      {
        host: hostname,
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            sent,
          }),
        );
      },
    );
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const { body } = options;
    if (typeof body !== "function") {
      if (body !== undefined) {
        req.setHeader("content-length", Buffer.byteLength(body));
        sent = Buffer.byteLength(body);
      }
      req.end(body);
      return;
    }
    const chunks = body()[Symbol.iterator]();
    const writeMore = () => {
      for (;;) {
        if (answered || req.destroyed) return;
        const next = chunks.next();
        if (next.done) return void req.end();
        sent += next.value.length;
        if (!req.write(next.value)) return void req.once("drain", writeMore);
      }
    };
    writeMore();
  });

/** The body as JSON, or a failure that shows what came instead. */
export const jsonOf = <T = { error: string }>(answer: Pick<TRawAnswer, "status" | "body">): T => {
  try {
    return JSON.parse(answer.body) as T;
  } catch {
    throw new Error(`not JSON (${answer.status}): ${answer.body.slice(0, 300)}`);
  }
};
