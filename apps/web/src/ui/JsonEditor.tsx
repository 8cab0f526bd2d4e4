import type { TSchemaIssue } from "@baton/model";
import { AlertTriangle, CheckCircle2, WandSparkles } from "lucide-react";
import { useId } from "react";

/**
 * JSON typed by a person, with what is wrong with it listed under it: a syntax error, or
 * each place the value breaks its schema.
 */
export function JsonEditor({
  label,
  text,
  onChange,
  syntaxError,
  issues,
  rows = 14,
  schemaName = "input",
}: {
  label: string;
  text: string;
  onChange: (text: string) => void;
  syntaxError: string | undefined;
  issues: readonly TSchemaIssue[];
  rows?: number;
  /** which schema the value is checked against, named when it matches */
  schemaName?: "input" | "output";
}) {
  const id = useId();
  const problemsId = useId();
  const valid = !syntaxError && issues.length === 0;
  const format = () => {
    try {
      onChange(JSON.stringify(JSON.parse(text), null, 2));
    } catch {
      // a syntax error stays in place for the person to fix; the list below names it
    }
  };
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between">
        <label htmlFor={id} className="font-medium text-xs">
          {label}
        </label>
        <button
          type="button"
          onClick={format}
          disabled={Boolean(syntaxError)}
          className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 disabled:opacity-40 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          <WandSparkles className="size-3" aria-hidden /> Format
        </button>
      </div>
      <textarea
        id={id}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        spellCheck={false}
        rows={rows}
        aria-invalid={!valid}
        aria-describedby={problemsId}
        className={`block w-full resize-y rounded-md border bg-zinc-50 px-3 py-2 font-mono text-xs leading-5 outline-none focus:ring-2 dark:bg-zinc-950 ${
          valid
            ? "border-zinc-300 focus:ring-indigo-500/40 dark:border-zinc-700"
            : "border-red-400 focus:ring-red-500/30 dark:border-red-500/70"
        }`}
      />
      <div id={problemsId} aria-live="polite" className="text-xs">
        {syntaxError ? (
          <p className="flex items-start gap-1.5 text-red-700 dark:text-red-400">
            <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden /> Not valid JSON:{" "}
            {syntaxError}
          </p>
        ) : issues.length > 0 ? (
          <ul className="space-y-0.5 text-red-700 dark:text-red-400" aria-label="Schema problems">
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`} className="flex items-start gap-1.5">
                <AlertTriangle className="mt-0.5 size-3.5 shrink-0" aria-hidden />
                <span>
                  <code className="font-mono">{issue.path}</code> {issue.message}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="flex items-center gap-1.5 text-emerald-700 dark:text-emerald-400">
            <CheckCircle2 className="size-3.5" aria-hidden /> Matches the {schemaName} schema
          </p>
        )}
      </div>
    </div>
  );
}
