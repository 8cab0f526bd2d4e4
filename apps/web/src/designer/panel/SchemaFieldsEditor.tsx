import { describeSchema, isSchemaObject, type TJsonSchema } from "@baton/model";
import { Plus, SlidersHorizontal, Trash2 } from "lucide-react";
import { useState } from "react";
import { describeType, schemaFields } from "../schema/schema-fields.ts";
import { Button } from "../ui/Button.tsx";
import { fieldClass, hintClass, monoInputClass } from "./form-styles.ts";
import { SchemaKeywordsEditor } from "./SchemaKeywordsEditor.tsx";
import {
  addField,
  FIELD_TYPES,
  fieldTypeOf,
  removeField,
  renameField,
  setFieldRequired,
  setFieldSchema,
  setFieldType,
  type TFieldType,
} from "./schema-edit.ts";
import { CONSTRAINT_KEYWORDS } from "./schema-keywords.ts";

/** A field name edited locally and committed on blur, so half-typed names never clash. */
function FieldName({
  name,
  label,
  onRename,
}: {
  name: string;
  label: string;
  onRename: (to: string) => void;
}) {
  const [text, setText] = useState(name);
  return (
    <input
      aria-label={label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        onRename(text.trim());
        setText(name);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter") (e.target as HTMLInputElement).blur();
      }}
      className={monoInputClass}
    />
  );
}

/** Whether a field says more than its simple type: constraints worth showing in words. */
const constrained = (schema: TJsonSchema): boolean =>
  isSchemaObject(schema) &&
  Object.keys(schema).some((k) => CONSTRAINT_KEYWORDS.has(k)) &&
  fieldTypeOf(schema) !== "email";

/**
 * The fields of an object schema (a scenario's input, a manual step's form, an end's
 * output, an object field's own fields), as a table; each field's constraints open below it.
 */
export function SchemaFieldsEditor({
  schema,
  label,
  onChange,
  depth = 0,
}: {
  schema: TJsonSchema | undefined;
  label: string;
  onChange: (schema: TJsonSchema) => void;
  depth?: number;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (name: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(name)) next.delete(name);
      else next.add(name);
      return next;
    });
  const fields = schema === undefined ? [] : schemaFields(schema);
  return (
    <div className="space-y-1.5">
      {fields.length === 0 && <p className={hintClass}>No fields yet.</p>}
      {fields.map((field) => {
        const type = fieldTypeOf(field.schema);
        const expanded = open.has(field.name);
        return (
          <fieldset key={field.name} aria-label={`${label} field ${field.name}`}>
            <div className="flex items-center gap-1">
              <FieldName
                key={field.name}
                name={field.name}
                label={`${label} field name`}
                onRename={(to) => onChange(renameField(schema, field.name, to))}
              />
              <select
                aria-label={`${field.name} type`}
                value={type}
                title={type === "custom" ? describeType(field.schema, schema) : undefined}
                onChange={(e) =>
                  onChange(setFieldType(schema, field.name, e.target.value as TFieldType))
                }
                className={`${fieldClass} w-24 shrink-0`}
              >
                {type === "custom" && (
                  <option value="custom">{describeType(field.schema, schema)}</option>
                )}
                {Object.keys(FIELD_TYPES).map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
              <label
                className="flex shrink-0 items-center gap-1 text-[11px] text-zinc-600 dark:text-zinc-400"
                title="required"
              >
                <input
                  type="checkbox"
                  checked={field.required}
                  onChange={(e) => onChange(setFieldRequired(schema, field.name, e.target.checked))}
                  aria-label={`${field.name} required`}
                  className="accent-indigo-600"
                />
                req.
              </label>
              <button
                type="button"
                onClick={() => toggle(field.name)}
                aria-label={`Constraints of ${field.name}`}
                aria-expanded={expanded}
                title="Constraints: lengths, bounds, formats, allowed values…"
                className={`shrink-0 rounded p-1 ${expanded || constrained(field.schema) ? "text-indigo-600 dark:text-indigo-400" : "text-zinc-400"} hover:bg-zinc-100 hover:text-indigo-600 dark:hover:bg-zinc-800`}
              >
                <SlidersHorizontal className="size-3.5" />
              </button>
              <button
                type="button"
                onClick={() => onChange(removeField(schema, field.name))}
                aria-label={`Remove ${field.name}`}
                className="shrink-0 rounded p-1 text-zinc-400 hover:text-red-600"
              >
                <Trash2 className="size-3.5" />
              </button>
            </div>
            {!expanded && constrained(field.schema) && (
              <p className={`${hintClass} mt-0.5 px-1`}>{describeSchema(field.schema)}</p>
            )}
            {expanded && (
              <div className="mt-1 rounded-md border border-zinc-200 bg-zinc-50 p-2 dark:border-zinc-800 dark:bg-zinc-900/60">
                <SchemaKeywordsEditor
                  schema={field.schema}
                  label={field.name}
                  depth={depth}
                  onChange={(next) => onChange(setFieldSchema(schema, field.name, next))}
                />
              </div>
            )}
          </fieldset>
        );
      })}
      <Button icon={Plus} onClick={() => onChange(addField(schema))}>
        {depth > 0 ? `Add field to ${label}` : "Add field"}
      </Button>
    </div>
  );
}
