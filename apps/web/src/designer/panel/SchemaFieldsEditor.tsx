import type { TJsonSchema } from "@baton/model";
import { Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { describeType, schemaFields } from "../schema/schema-fields.ts";
import { Button } from "../ui/Button.tsx";
import { fieldClass, hintClass, monoInputClass } from "./form-styles.ts";
import {
  addField,
  FIELD_TYPES,
  fieldTypeOf,
  removeField,
  renameField,
  setFieldRequired,
  setFieldType,
  type TFieldType,
} from "./schema-edit.ts";

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

/** The fields of an object schema (a scenario's input, a manual step's form), as a table. */
export function SchemaFieldsEditor({
  schema,
  label,
  onChange,
}: {
  schema: TJsonSchema | undefined;
  label: string;
  onChange: (schema: TJsonSchema) => void;
}) {
  const fields = schema === undefined ? [] : schemaFields(schema);
  return (
    <div className="space-y-1.5">
      {fields.length === 0 && <p className={hintClass}>No fields yet.</p>}
      {fields.map((field) => {
        const type = fieldTypeOf(field.schema);
        return (
          <fieldset
            key={field.name}
            aria-label={`${label} field ${field.name}`}
            className="flex items-center gap-1"
          >
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
              className={`${fieldClass} w-28 shrink-0`}
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
              onClick={() => onChange(removeField(schema, field.name))}
              aria-label={`Remove ${field.name}`}
              className="shrink-0 rounded p-1 text-zinc-400 hover:text-red-600"
            >
              <Trash2 className="size-3.5" />
            </button>
          </fieldset>
        );
      })}
      <Button icon={Plus} onClick={() => onChange(addField(schema))}>
        Add field
      </Button>
    </div>
  );
}
