import type { TJsonSchema, TMapping } from "@baton/model";
import { Plus } from "lucide-react";
import { type FormEvent, useMemo, useState } from "react";
import { QuickFixes } from "../check/QuickFixes.tsx";
import { useNodeDiagnostics } from "../check/use-node-diagnostics.ts";
import { Button } from "../ui/Button.tsx";
import { hintClass, monoInputClass } from "./form-styles.ts";
import { MappingRow } from "./MappingRow.tsx";
import { mappingRows, setMappingSource } from "./mapping-edit.ts";
import type { TCandidate } from "./reference-candidates.ts";

/**
 * A step's mapping, field by field: the target schema's fields (required first), each filled
 * by a reference (typed or dropped from the data tree), a value, or an expression.
 */
export function MappingEditor({
  nodeId,
  root,
  mapping,
  target,
  candidates,
  emptyNote,
  onChange,
}: {
  nodeId: string;
  /** Where problems of this mapping are reported: `input` or `output`. */
  root: "input" | "output";
  mapping: TMapping | undefined;
  target: TJsonSchema | undefined;
  candidates: readonly TCandidate[];
  emptyNote?: string | undefined;
  onChange: (mapping: TMapping | undefined, key?: string) => void;
}) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [newKey, setNewKey] = useState("");
  const diagnostics = useNodeDiagnostics(nodeId);
  const rows = useMemo(() => mappingRows(target, mapping, expanded), [target, mapping, expanded]);
  const mine = diagnostics.filter((d) => d.path === root || d.path?.startsWith(`${root}.`));
  const problemsOf = (path: string, open: boolean) =>
    mine.filter(
      (d) => d.path === `${root}.${path}` || (!open && d.path?.startsWith(`${root}.${path}.`)),
    );
  const whole = mine.filter((d) => d.path === root);
  const toggle = (path: string, open: boolean) => {
    // Mapping an object whole and field by field exclude each other, so switching clears one.
    onChange(setMappingSource(mapping, path, undefined));
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open) next.delete(path);
      else next.add(path);
      return next;
    });
  };
  const addKey = (event: FormEvent) => {
    event.preventDefault();
    const key = newKey.trim();
    if (!key) return;
    onChange({ ...mapping, [key]: { literal: null } });
    setNewKey("");
  };
  return (
    <div className="space-y-1.5">
      {mapping === undefined && emptyNote && <p className={hintClass}>{emptyNote}</p>}
      {whole.map((d) => (
        <div key={`${d.code}:${d.message}`}>
          <p
            className={`text-[11px] ${d.severity === "error" ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}`}
          >
            {d.message}
          </p>
          <QuickFixes fixes={d.fixes} />
        </div>
      ))}
      {rows.map((row) => (
        <MappingRow
          key={row.path}
          row={row}
          root={root}
          candidates={candidates}
          problems={problemsOf(row.path, row.expanded)}
          onChange={(source) =>
            onChange(setMappingSource(mapping, row.path, source), `${root}.${row.path}`)
          }
          onToggle={() => toggle(row.path, row.expanded)}
        />
      ))}
      {target === undefined || rows.length === 0 ? (
        <form onSubmit={addKey} className="flex gap-1">
          <input
            aria-label={`New ${root} field`}
            value={newKey}
            onChange={(e) => setNewKey(e.target.value)}
            placeholder="field name, e.g. userId"
            className={monoInputClass}
          />
          <Button type="submit" icon={Plus} disabled={!newKey.trim()}>
            Add
          </Button>
        </form>
      ) : null}
    </div>
  );
}
