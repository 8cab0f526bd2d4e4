import { errorMessage, ProviderError, type ProviderErrorDetails } from "../errors.ts";
import type { JsonValue } from "../types.ts";
import { abortError } from "./deadline.ts";
import { parseJson } from "./json.ts";

export type HttpResponse = { status: number; headers: Headers; text: string };

/** Sends a request; an unreachable endpoint is `unavailable`, an abort is `timeout`. */
export async function send(
  url: string | URL,
  init: RequestInit,
  details: ProviderErrorDetails,
): Promise<HttpResponse> {
  let response: Response;
  try {
    response = await fetch(url, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch (error) {
    if (init.signal?.aborted) throw abortError(init.signal, details);
    const cause = (error as { cause?: unknown }).cause;
    const why = cause instanceof Error ? cause.message : errorMessage(error);
    throw new ProviderError(
      "unavailable",
      `Cannot reach ${new URL(url).origin}: ${why}`,
      { ...details, reason: "unreachable" },
      { cause: error },
    );
  }
}

/** Milliseconds from a `Retry-After` header (seconds or an HTTP date). */
export function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * The most telling message in an error body: a JSON `message`-like field, else the text,
 * whole (the registry redacts credentials and then cuts it, so no cut splits a secret).
 */
export function messageOf(text: string): string {
  const body = parseJson(text);
  if (body && typeof body === "object" && !Array.isArray(body)) {
    for (const key of [
      "message",
      "errorMessage",
      "error_description",
      "detail",
      "title",
      "error",
    ]) {
      const value = body[key];
      if (typeof value === "string" && value) return value;
      if (value && typeof value === "object" && !Array.isArray(value)) {
        const nested = value.message;
        if (typeof nested === "string" && nested) return nested;
      }
    }
  }
  return text.trim();
}

/**
 * Classifies a non-2xx answer. 5xx from the function itself (500/501) is its own
 * failure; gateway trouble (502/503) is `unavailable`; 504/408 `timeout`; 429 `throttled`;
 * 404 means the function is gone; other 4xx mean the request was refused.
 */
export function statusError(response: HttpResponse, details: ProviderErrorDetails): ProviderError {
  const { status } = response;
  const said = messageOf(response.text) || `HTTP ${status}`;
  const base = { ...details, status, reason: `http_${status}` };
  const wait = retryAfterMs(response.headers);
  const withRetry = wait === undefined ? base : { ...base, retryAfterMs: wait };
  if (status === 429) return new ProviderError("throttled", said, withRetry);
  if (status === 408 || status === 504) return new ProviderError("timeout", said, base);
  if (status === 502 || status === 503) return new ProviderError("unavailable", said, withRetry);
  if (status === 404) {
    return new ProviderError("function_error", `Not found: ${said}`, {
      ...base,
      reason: "not_found",
    });
  }
  if (status === 500 || status === 501) return new ProviderError("function_error", said, base);
  if (status >= 500) return new ProviderError("unavailable", said, base);
  return new ProviderError("rejected_input", said, base);
}

/** A 2xx body as JSON: empty means `null`; anything else that is not JSON is `bad_output`. */
export function jsonBody(response: HttpResponse, details: ProviderErrorDetails): JsonValue {
  if (response.text.trim() === "") return null;
  const body = parseJson(response.text);
  if (body === undefined) {
    const type = response.headers.get("content-type") ?? "no content type";
    throw new ProviderError("bad_output", `The response is not JSON (${type}): ${response.text}`, {
      ...details,
      status: response.status,
      reason: "not_json",
    });
  }
  return body;
}
