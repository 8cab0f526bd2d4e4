import type { TRefreshReport } from "./refresh-connection.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One line for the terminal about what a catalog refresh found. */
export const describeRefresh = (report: TRefreshReport): string => {
  if (!report.ok) {
    return `catalog: connection "${report.connection}" is in error, keeping its last catalog: ${report.error}`;
  }
  const found = report.added.length + report.changed.length + report.unchanged;
  const parts = [
    report.added.length && `${report.added.length} new`,
    report.changed.length && `${report.changed.length} changed`,
    report.missing.length && `${report.missing.length} missing`,
  ].filter(Boolean);
  const problems = report.problems.length
    ? `; ${plural(report.problems.length, "problem")}: ${report.problems.join("; ")}`
    : "";
  return `catalog: "${report.connection}" has ${plural(found, "function")}${parts.length ? ` (${parts.join(", ")})` : ""}${problems}`;
};
