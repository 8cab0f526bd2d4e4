import { Braces } from "lucide-react";
import { useState } from "react";
import { JsonTree } from "../ui/JsonTree.tsx";
import { PanelSection } from "../ui/PanelSection.tsx";
import { ReadableValue } from "./ReadableValue.tsx";

const TOGGLE =
  "inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-[11px] text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 aria-pressed:bg-zinc-100 aria-pressed:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200 dark:aria-pressed:bg-zinc-800 dark:aria-pressed:text-zinc-200";

/** What a step handed to a person, laid out to be read; the JSON itself one click away. */
export function TaskData({
  title,
  value,
  label,
  empty,
}: {
  title: string;
  value: unknown;
  label: string;
  empty: string;
}) {
  const [raw, setRaw] = useState(false);
  const missing = value === null || value === undefined;
  return (
    <PanelSection
      title={title}
      aside={
        !missing && (
          <button type="button" aria-pressed={raw} className={TOGGLE} onClick={() => setRaw(!raw)}>
            <Braces className="size-3.5" aria-hidden />
            Raw JSON
          </button>
        )
      }
    >
      {missing ? (
        <p className="text-xs text-zinc-400 italic">{empty}</p>
      ) : raw ? (
        <JsonTree value={value} label={`${label} as JSON`} />
      ) : (
        <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
          <ReadableValue value={value} label={label} />
        </div>
      )}
    </PanelSection>
  );
}
