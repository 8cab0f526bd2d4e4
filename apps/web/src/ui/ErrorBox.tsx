import { AlertOctagon } from "lucide-react";
import { readStepError } from "../lib/step-error.ts";

/** A failed step's or run's error: the provider's message and its classification. */
export function ErrorBox({ error, label = "Error" }: { error: unknown; label?: string }) {
  const shown = readStepError(error);
  if (!shown) return null;
  return (
    <section
      aria-label={label}
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800 dark:border-red-900/70 dark:bg-red-950/40 dark:text-red-300"
    >
      <div className="flex items-start gap-2">
        <AlertOctagon className="mt-0.5 size-4 shrink-0" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="break-words font-medium">{shown.message}</p>
          {shown.code && (
            <p className="mt-1 flex flex-wrap items-center gap-1.5 text-xs">
              <code className="rounded bg-red-100 px-1 py-0.5 font-mono dark:bg-red-900/50">
                {shown.code}
              </code>
              {shown.meaning && (
                <span className="text-red-700/80 dark:text-red-300/80">{shown.meaning}</span>
              )}
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
