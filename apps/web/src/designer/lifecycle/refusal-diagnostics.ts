import type { TDiagnostic } from "@baton/model";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const isDiagnostic = (value: unknown): value is TDiagnostic =>
  isRecord(value) &&
  (value.severity === "error" || value.severity === "warning") &&
  typeof value.code === "string" &&
  typeof value.message === "string";

/** The diagnostics a refused publish carries in its error's details; none for other errors. */
export const refusalDiagnostics = (error: unknown): TDiagnostic[] => {
  if (!isRecord(error) || !isRecord(error.data) || !isRecord(error.data.details)) return [];
  const { diagnostics } = error.data.details;
  return Array.isArray(diagnostics) ? diagnostics.filter(isDiagnostic) : [];
};
