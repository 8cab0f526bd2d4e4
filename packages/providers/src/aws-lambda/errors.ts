import { errorMessage, ProviderError, type ProviderErrorDetails } from "../errors.ts";
import { parseJson } from "../shared/json.ts";

type SdkError = {
  name?: string;
  message?: string;
  code?: string;
  $fault?: "client" | "server";
  $metadata?: { httpStatusCode?: number };
  retryAfterSeconds?: string;
};

const throttling = new Set([
  "TooManyRequestsException",
  "ThrottlingException",
  "EC2ThrottledException",
  "ServiceQuotaExceededException",
]);
// Lambda's own trouble or a function not ready yet: the same call may work later.
const transient = new Set([
  "ServiceException",
  "ResourceNotReadyException",
  "ResourceConflictException",
  "ENILimitReachedException",
  "ENINotReadyException",
  "EC2UnexpectedException",
  "EFSMountTimeoutException",
  "EFSMountConnectivityException",
  "SubnetIPAddressLimitReachedException",
  "SnapStartNotReadyException",
  "SnapStartTimeoutException",
]);
const refused = new Set([
  "InvalidRequestContentException",
  "RequestTooLargeException",
  "UnsupportedMediaTypeException",
  "InvalidParameterValueException",
]);
const unauthorized = new Set([
  "UnrecognizedClientException",
  "AccessDeniedException",
  "InvalidSignatureException",
  "ExpiredTokenException",
  "KMSAccessDeniedException",
]);

/** Classifies an error thrown by the Lambda SDK (as opposed to one the function returned). */
export function sdkError(error: unknown, details: ProviderErrorDetails): ProviderError {
  const sdk = (typeof error === "object" && error !== null ? error : {}) as SdkError;
  const name = sdk.name ?? "Error";
  const status = sdk.$metadata?.httpStatusCode;
  const message = errorMessage(error);
  const base = { ...details, errorType: name, ...(status ? { status } : {}) };
  const options = { cause: error };
  if (name === "ResourceNotFoundException") {
    return new ProviderError("function_error", message, { ...base, reason: "not_found" }, options);
  }
  if (throttling.has(name) || status === 429) {
    const seconds = Number(sdk.retryAfterSeconds);
    const retry = Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {};
    return new ProviderError("throttled", message, { ...base, ...retry }, options);
  }
  if (unauthorized.has(name) || status === 401 || status === 403) {
    return new ProviderError(
      "rejected_input",
      message,
      { ...base, reason: "unauthorized" },
      options,
    );
  }
  if (refused.has(name)) return new ProviderError("rejected_input", message, base, options);
  if (transient.has(name) || sdk.$fault === "server") {
    return new ProviderError("unavailable", message, base, options);
  }
  if (!sdk.$metadata || status === undefined) {
    // No HTTP answer at all: connection refused, DNS, TLS.
    return new ProviderError(
      "unavailable",
      `Cannot reach Lambda: ${sdk.code ? `${sdk.code} ` : ""}${message}`,
      { ...base, reason: "unreachable" },
      options,
    );
  }
  return new ProviderError("rejected_input", message, base, options);
}

/** Classifies a failed invocation, from Lambda's `FunctionError` and its error payload. */
export function functionError(
  kind: string,
  payload: string,
  details: ProviderErrorDetails,
): ProviderError {
  const body = parseJson(payload);
  const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
  const errorType = typeof fields.errorType === "string" ? fields.errorType : kind;
  const message =
    typeof fields.errorMessage === "string" ? fields.errorMessage : payload || `${kind} error`;
  const base = { ...details, errorType };
  if (errorType === "Sandbox.Timedout" || /Task timed out after/.test(message)) {
    return new ProviderError("timeout", message, { ...base, reason: "function_timeout" });
  }
  // Lambda stops a function over its memory size with SIGKILL; runtimes report it either way.
  if (
    errorType === "Runtime.OutOfMemory" ||
    /Runtime exited with error: signal: killed/.test(message)
  ) {
    return new ProviderError("function_error", message, { ...base, reason: "out_of_memory" });
  }
  return new ProviderError("function_error", message, {
    ...base,
    reason: kind === "Handled" ? "handled" : "unhandled",
  });
}
