import type { TQuickFix } from "@baton/model";
import { WandSparkles } from "lucide-react";
import { useDesignerContext } from "../use-designer-context.ts";

/**
 * The one-click changes the check offers for a problem. Applying one edits the draft like
 * any other edit (undo takes it back); the next live check drops the problem it settled.
 */
export function QuickFixes({ fixes }: { fixes: readonly TQuickFix[] | undefined }) {
  const { store } = useDesignerContext();
  if (!fixes || fixes.length === 0) return null;
  return (
    <ul aria-label="Quick fixes" className="mt-1 flex flex-wrap gap-1">
      {fixes.map((fix) => (
        <li key={fix.title} className="max-w-full">
          <button
            type="button"
            onClick={() => store.getState().applyFix(fix)}
            className="inline-flex max-w-full items-start gap-1 rounded-md border border-indigo-200 bg-indigo-50 px-1.5 py-0.5 text-left font-medium text-[11px] text-indigo-700 hover:border-indigo-300 hover:bg-indigo-100 dark:border-indigo-500/30 dark:bg-indigo-500/10 dark:text-indigo-300 dark:hover:bg-indigo-500/20"
          >
            <WandSparkles className="mt-px size-3 shrink-0" aria-hidden />
            <span className="min-w-0">{fix.title}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
