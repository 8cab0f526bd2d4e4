import type { IncomingMessage } from "node:http";
import { bodyTooLarge, HttpRefusal } from "./refusal.ts";

/**
 * The request's body, read no further than `limit` bytes: past it, a 413 refusal, and the
 * rest stays unread (the answer closes the connection).
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      stop();
      req.pause();
      reject(bodyTooLarge(limit));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = () => {
      stop();
      reject(new HttpRefusal(400, "The request body ended early."));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
