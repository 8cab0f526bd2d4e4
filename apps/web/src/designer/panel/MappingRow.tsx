import type { TDiagnostic, TSource } from "@baton/model";
import { ChevronRight, X } from "lucide-react";
import { type DragEvent, useState } from "react";
import { describeType, resolveLocal } from "../schema/schema-fields.ts";
import type { TMappingRow } from "./mapping-edit.ts";
import { REF_MIME } from "./ref-drag.ts";
import type { TCandidate } from "./reference-candidates.ts";
import { SourceEditor } from "./SourceEditor.tsx";

/** One target field: its type, whether it is required, where its value comes from, and its problems. */
export function MappingRow({
  row,
  root,
  candidates,
  problems,
  onChange,
  onToggle,
}: {
  row: TMappingRow;
  root: string;
  candidates: readonly TCandidate[];
  problems: readonly TDiagnostic[];
  onChange: (source: TSource | undefined) => void;
  onToggle: () => void;
}) {
  const [over, setOver] = useState(false);
  const errors = problems.filter((p) => p.severity === "error");
  const missing = row.required && row.source === undefined && !row.expanded;
  const bad = errors.length > 0;
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(REF_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "link";
    setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    const ref = event.dataTransfer.getData(REF_MIME);
    setOver(false);
    if (!ref) return;
    event.preventDefault();
    onChange({ ref });
  };
  return (
    <fieldset
      aria-label={`Field ${row.path}`}
      aria-invalid={bad || missing}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{ marginLeft: row.depth * 12 }}
      className={`rounded-md border px-2 py-1.5 transition-colors ${over ? "border-indigo-400 bg-indigo-50/60 dark:bg-indigo-500/10" : bad || missing ? "border-red-300 bg-red-50/40 dark:border-red-500/40 dark:bg-red-500/5" : "border-zinc-200 dark:border-zinc-800"}`}
    >
      <div className="mb-1 flex items-center gap-1.5">
        {row.expandable ? (
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={row.expanded}
            aria-label={
              row.expanded
                ? `Map ${row.path} as a whole`
                : `Map the fields of ${row.path} one by one`
            }
            title={row.expanded ? "Map as a whole" : "Map field by field"}
            className="rounded text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
          >
            <ChevronRight
              className={`size-3 transition-transform ${row.expanded ? "rotate-90" : ""}`}
            />
          </button>
        ) : (
          <span className="w-3" />
        )}
        <span className="font-medium font-mono text-[12px] text-zinc-800 dark:text-zinc-200">
          {row.name}
        </span>
        {row.required && (
          <span className="text-[10px] text-red-500" title="required">
            required
          </span>
        )}
        <span className="min-w-0 flex-1 truncate text-right text-[10px] text-zinc-500">
          {row.schema !== undefined ? describeType(row.schema, row.root) : "not in the schema"}
        </span>
        {row.source !== undefined && (
          <button
            type="button"
            onClick={() => onChange(undefined)}
            aria-label={`Clear ${row.path}`}
            className="rounded text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
          >
            <X className="size-3" />
          </button>
        )}
      </div>
      {!row.expanded && (
        <SourceEditor
          label={`${root}.${row.path}`}
          source={row.source}
          target={row.schema === undefined ? undefined : resolveLocal(row.schema, row.root)}
          candidates={candidates}
          onChange={onChange}
          invalid={bad}
        />
      )}
      {problems.map((p) => (
        <p
          key={`${p.code}:${p.message}`}
          className={`mt-1 text-[11px] ${p.severity === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
        >
          {p.message}
        </p>
      ))}
    </fieldset>
  );
}
