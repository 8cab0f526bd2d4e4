import type { TJsonSchema } from "@baton/model";
import { ChevronRight, GripVertical } from "lucide-react";
import { type DragEvent, useState } from "react";
import { describeType, schemaFields } from "../schema/schema-fields.ts";
import { hintClass } from "./form-styles.ts";
import { REF_MIME } from "./ref-drag.ts";
import type { TUpstreamSource } from "./upstream-sources.ts";

const MAX_DEPTH = 4;

function TreeItem({
  name,
  reference,
  schema,
  root,
  depth,
}: {
  name: string;
  reference: string;
  schema: TJsonSchema;
  root: TJsonSchema;
  depth: number;
}) {
  const fields = depth < MAX_DEPTH ? schemaFields(schema, root) : [];
  const [open, setOpen] = useState(depth === 0);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(REF_MIME, reference);
    event.dataTransfer.setData("text/plain", reference);
    event.dataTransfer.effectAllowed = "link";
  };
  return (
    <li>
      <div className="flex items-center gap-1" style={{ paddingLeft: depth * 12 }}>
        {fields.length > 0 ? (
          <button
            type="button"
            onClick={() => setOpen(!open)}
            aria-expanded={open}
            aria-label={`${open ? "Collapse" : "Expand"} ${reference}`}
            className="text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200"
          >
            <ChevronRight className={`size-3 transition-transform ${open ? "rotate-90" : ""}`} />
          </button>
        ) : (
          <span className="w-3" />
        )}
        <button
          type="button"
          draggable
          onDragStart={onDragStart}
          onClick={() => void navigator.clipboard?.writeText(reference).catch(() => {})}
          aria-label={reference}
          title={`Drag onto a field to map it, or click to copy: ${reference}`}
          className="group flex min-w-0 flex-1 cursor-grab items-center gap-1.5 rounded px-1 py-0.5 hover:bg-indigo-50 active:cursor-grabbing dark:hover:bg-indigo-500/10"
        >
          <GripVertical
            className="size-3 shrink-0 text-zinc-300 group-hover:text-indigo-400 dark:text-zinc-600"
            aria-hidden
          />
          <span
            className={`truncate text-[12px] ${depth === 0 ? "font-medium text-zinc-800 dark:text-zinc-200" : "font-mono text-zinc-700 dark:text-zinc-300"}`}
          >
            {name}
          </span>
          <span className="ml-auto shrink-0 text-[10px] text-zinc-400">
            {describeType(schema, root)}
          </span>
        </button>
      </div>
      {open && fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <TreeItem
              key={f.name}
              name={`${f.name}${f.required ? "" : "?"}`}
              reference={`${reference}.${f.name}`}
              schema={f.schema}
              root={root}
              depth={depth + 1}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The scenario input and upstream outputs as trees; drag any field onto a mapping field. */
export function DataTree({ sources }: { sources: readonly TUpstreamSource[] }) {
  return (
    <div>
      <p className={`${hintClass} mb-1.5`}>
        Drag a field onto an input field to map it; click to copy its reference.
      </p>
      <ul aria-label="Available data" className="space-y-0.5">
        {sources.map((s) => (
          <TreeItem
            key={s.ref}
            name={s.label}
            reference={s.ref}
            schema={s.schema}
            root={s.schema}
            depth={0}
          />
        ))}
      </ul>
    </div>
  );
}
