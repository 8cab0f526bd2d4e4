/** A step's stored error, read for people: what happened and what kind of failure it was. */
export type TShownError = {
  message: string;
  code: string | undefined;
  /** what the code means, and whether another attempt could help */
  meaning: string | undefined;
  retryable: boolean | undefined;
  details: unknown;
};

const RETRIED = "Retried by default; a step's retry policy can leave it out.";
const NOT_RETRIED = "Retried only when the step's retry policy lists it.";

const MEANINGS: Record<string, string> = {
  timeout: `The call took longer than its deadline. ${RETRIED}`,
  throttled: `The provider asked to slow down. ${RETRIED}`,
  unavailable: `The provider or function could not be reached. ${RETRIED}`,
  // also a mapping's run-time check: an expression's result that breaks its declared schema
  rejected_input: `The input was refused (a schema it must fit, or the service). ${NOT_RETRIED}`,
  function_error: `The function itself failed. ${NOT_RETRIED}`,
  bad_output: `The output did not fit the function's output schema. ${NOT_RETRIED}`,
  engine: "The engine could not run the step. Not retried.",
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const readStepError = (value: unknown): TShownError | undefined => {
  if (value === null || value === undefined) return undefined;
  if (!isRecord(value)) {
    return {
      message: String(value),
      code: undefined,
      meaning: undefined,
      retryable: undefined,
      details: undefined,
    };
  }
  const code = typeof value.code === "string" ? value.code : undefined;
  const details = isRecord(value.details) ? value.details : undefined;
  const retryable =
    typeof value.retryable === "boolean"
      ? value.retryable
      : typeof details?.retryable === "boolean"
        ? details.retryable
        : undefined;
  return {
    message: typeof value.message === "string" ? value.message : JSON.stringify(value),
    code,
    meaning: code ? MEANINGS[code] : undefined,
    retryable,
    details: value.details,
  };
};
