import type { TDiagnostic } from "@baton/model";

/** A count of a node's problems, red for errors and amber for warnings only; the reasons on hover. */
export function DiagnosticBadge({ diagnostics }: { diagnostics: readonly TDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const tone = errors > 0 ? "bg-red-500 text-white" : "bg-amber-400 text-amber-950";
  const count = errors > 0 ? errors : diagnostics.length;
  const noun = errors > 0 ? "error" : "warning";
  return (
    <span
      className={`inline-flex h-4 min-w-4 items-center justify-center rounded-full px-1 font-semibold text-[10px] tabular-nums ${tone}`}
      title={diagnostics.map((d) => `• ${d.message}`).join("\n")}
      role="img"
      aria-label={`${count} ${noun}${count === 1 ? "" : "s"}`}
    >
      {count}
    </span>
  );
}
