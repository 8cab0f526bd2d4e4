import { describeSchema, isSchemaObject, type TJsonSchema, type TSource } from "@baton/model";
import { SlidersHorizontal } from "lucide-react";
import { useEffect, useState } from "react";
import { describeType } from "../schema/schema-fields.ts";
import { fieldClass, hintClass, monoInputClass } from "./form-styles.ts";
import { ReferenceInput } from "./ReferenceInput.tsx";
import type { TCandidate } from "./reference-candidates.ts";
import { SchemaKeywordsEditor } from "./SchemaKeywordsEditor.tsx";
import { baseTypeOf, CONSTRAINT_KEYWORDS } from "./schema-keywords.ts";

type TMode = "ref" | "literal" | "expr";

const MODES: [TMode, string][] = [
  ["ref", "Reference"],
  ["literal", "Value"],
  ["expr", "Expression"],
];

const RESULT_TYPES = ["", "string", "number", "integer", "boolean", "object", "array"] as const;

const modeOf = (source: TSource | undefined): TMode =>
  source === undefined || "ref" in source ? "ref" : "literal" in source ? "literal" : "expr";

const literalText = (source: TSource | undefined): string =>
  source && "literal" in source
    ? typeof source.literal === "string"
      ? source.literal
      : JSON.stringify(source.literal)
    : "";

// A string field takes what is typed as text; anything else is read as JSON when it parses.
const parseLiteral = (text: string, target: TJsonSchema | undefined): TSource => {
  if (
    target !== undefined &&
    describeType(target).startsWith("string") &&
    !describeType(target).includes("|")
  ) {
    return { literal: text };
  }
  try {
    return { literal: JSON.parse(text) };
  } catch {
    return { literal: text };
  }
};

/** Where one field's value comes from: a reference, a literal value, or a JSONata expression. */
export function SourceEditor({
  label,
  source,
  target,
  candidates,
  onChange,
  invalid,
}: {
  label: string;
  source: TSource | undefined;
  target: TJsonSchema | undefined;
  candidates: readonly TCandidate[];
  onChange: (source: TSource | undefined) => void;
  invalid?: boolean;
}) {
  const sourceMode = source === undefined ? undefined : modeOf(source);
  const [chosen, setChosen] = useState<TMode>();
  // A source changed from outside (undo, another editor) shows in its own mode again.
  useEffect(() => {
    if (sourceMode !== undefined) setChosen(undefined);
  }, [sourceMode]);
  const mode = chosen ?? sourceMode ?? "ref";
  const setMode = setChosen;
  const current = sourceMode === mode ? source : undefined;
  const [typed, setText] = useState(literalText(source));
  // Keep what was typed (e.g. "1.50") while it still means the stored value; else show the value.
  const text =
    current && JSON.stringify(parseLiteral(typed, target)) === JSON.stringify(current)
      ? typed
      : literalText(current);
  const exprSchema = current && "expr" in current ? current.schema : undefined;
  const exprBase = exprSchema === undefined ? undefined : baseTypeOf(exprSchema);
  // The picker shows a plain type; a schema it cannot name shows as written.
  const exprType = exprSchema === undefined ? "" : (exprBase ?? "custom");
  const constrainedResult =
    isSchemaObject(exprSchema) && Object.keys(exprSchema).some((k) => CONSTRAINT_KEYWORDS.has(k));
  const [constraintsOpen, setConstraintsOpen] = useState(false);
  return (
    <div className="space-y-1">
      <div
        role="radiogroup"
        aria-label={`${label}: source kind`}
        className="flex gap-0.5 rounded-md bg-zinc-100 p-0.5 dark:bg-zinc-800"
      >
        {MODES.map(([value, name]) => (
          // biome-ignore lint/a11y/useSemanticElements: a segmented control, styled as buttons
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => setMode(value)}
            className={`flex-1 rounded px-1.5 py-0.5 font-medium text-[11px] ${mode === value ? "bg-white text-zinc-900 shadow-xs dark:bg-zinc-950 dark:text-zinc-100" : "text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`}
          >
            {name}
          </button>
        ))}
      </div>
      {mode === "ref" && (
        <ReferenceInput
          label={`${label} reference`}
          value={current && "ref" in current ? current.ref : ""}
          candidates={candidates}
          onChange={(ref) => onChange(ref ? { ref } : undefined)}
          invalid={invalid}
        />
      )}
      {mode === "literal" && (
        <input
          aria-label={`${label} value`}
          value={text}
          placeholder={target ? `a ${describeType(target)}` : "a JSON value"}
          onChange={(e) => {
            setText(e.target.value);
            onChange(e.target.value === "" ? undefined : parseLiteral(e.target.value, target));
          }}
          className={monoInputClass}
        />
      )}
      {mode === "expr" && (
        <>
          <div className="flex gap-1">
            <input
              aria-label={`${label} expression`}
              value={current && "expr" in current ? current.expr : ""}
              placeholder="JSONata, e.g. $uppercase(input.name)"
              spellCheck={false}
              onChange={(e) =>
                onChange(
                  e.target.value
                    ? {
                        expr: e.target.value,
                        ...(exprSchema !== undefined ? { schema: exprSchema } : {}),
                      }
                    : undefined,
                )
              }
              className={monoInputClass}
            />
            <select
              aria-label={`${label} expression result type`}
              value={exprType}
              title="The type the expression returns; checked at run time"
              onChange={(e) => {
                if (!current || !("expr" in current)) return;
                onChange({
                  expr: current.expr,
                  ...(e.target.value ? { schema: { type: e.target.value } } : {}),
                });
              }}
              className={`${fieldClass} w-24 shrink-0`}
            >
              {exprType === "custom" && (
                <option value="custom">{describeType(exprSchema ?? true)}</option>
              )}
              {RESULT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t || "any"}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={exprBase === undefined}
              onClick={() => setConstraintsOpen((was) => !was)}
              aria-label={`Constraints of ${label} expression result`}
              aria-expanded={constraintsOpen}
              title="Constraints the result must meet (checked at run time): lengths, bounds, formats…"
              className={`shrink-0 rounded p-1 ${constraintsOpen || constrainedResult ? "text-indigo-600 dark:text-indigo-400" : "text-zinc-400"} hover:bg-zinc-100 hover:text-indigo-600 disabled:opacity-40 dark:hover:bg-zinc-800`}
            >
              <SlidersHorizontal className="size-3.5" />
            </button>
          </div>
          {exprSchema !== undefined && !constraintsOpen && constrainedResult && (
            <p className={hintClass}>
              Checked at run time: {describeSchema(exprSchema)}; the step fails if not.
            </p>
          )}
          {constraintsOpen && exprSchema !== undefined && current && "expr" in current && (
            <div className="rounded-md border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900/60">
              <SchemaKeywordsEditor
                schema={exprSchema}
                label={`${label} result`}
                onChange={(schema) => onChange({ expr: current.expr, schema })}
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
