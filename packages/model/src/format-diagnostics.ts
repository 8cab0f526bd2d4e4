import type { TDiagnostic } from "./check/diagnostic.ts";

const place = (diagnostic: TDiagnostic): string => {
  if (diagnostic.nodeId !== undefined) return `node ${diagnostic.nodeId}`;
  if (diagnostic.edgeId !== undefined) return `edge ${diagnostic.edgeId}`;
  return "scenario";
};

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Diagnostics as text for a terminal: errors first, each with where it is, what is
 * wrong and what to do, then a one-line summary.
 */
export const formatDiagnostics = (diagnostics: readonly TDiagnostic[]): string => {
  if (diagnostics.length === 0) return "No problems found.";
  const sorted = [...diagnostics].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
  );
  const lines = sorted.flatMap((d) => [
    `${d.severity === "error" ? "error  " : "warning"} ${place(d)} [${d.code}]`,
    `  ${d.message}`,
    ...(d.fix ? [`  fix: ${d.fix}`] : []),
  ]);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  return [...lines, "", `${count(errors, "error")}, ${count(warnings, "warning")}`].join("\n");
};
