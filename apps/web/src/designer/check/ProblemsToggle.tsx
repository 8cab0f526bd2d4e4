import { CircleCheck, CircleX, TriangleAlert } from "lucide-react";
import { useChecks } from "./use-checks.ts";

/** The check's verdict at a glance; opens the problems panel. */
export function ProblemsToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  const errors = useChecks((s) => s.index.errors);
  const warnings = useChecks((s) => s.index.warnings);
  const clean = errors === 0 && warnings === 0;
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={open}
      aria-label={clean ? "No problems" : `Problems: ${errors} errors, ${warnings} warnings`}
      className={`mr-1 flex h-7 items-center gap-2 rounded-md px-2 font-medium text-xs transition-colors hover:bg-zinc-100 dark:hover:bg-zinc-800 ${open ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
    >
      {clean ? (
        <span className="flex items-center gap-1 text-emerald-600 dark:text-emerald-400">
          <CircleCheck className="size-3.5" aria-hidden />
          Checks pass
        </span>
      ) : (
        <>
          <span
            className={`flex items-center gap-1 tabular-nums ${errors > 0 ? "text-red-600 dark:text-red-400" : "text-zinc-400"}`}
          >
            <CircleX className="size-3.5" aria-hidden />
            {errors}
          </span>
          <span
            className={`flex items-center gap-1 tabular-nums ${warnings > 0 ? "text-amber-600 dark:text-amber-400" : "text-zinc-400"}`}
          >
            <TriangleAlert className="size-3.5" aria-hidden />
            {warnings}
          </span>
        </>
      )}
    </button>
  );
}
