import { isSchemaObject, type TJsonSchema } from "@baton/model";
import { Plus } from "lucide-react";
import { useState } from "react";
import { inputClass, labelClass, monoInputClass } from "../panel/form-styles.ts";
import { describeType, resolveLocal, schemaFields } from "../schema/schema-fields.ts";
import { getAt, setAt, type TFormValue, type TJson } from "./form-value.ts";

type TFieldProps = {
  name: string;
  path: readonly string[];
  schema: TJsonSchema;
  root: TJsonSchema;
  /** Required here and every enclosing object required too: an optional group's fields are not. */
  /** Required here and every enclosing object required too: an optional group's fields are not. */
  required: boolean;
  value: TFormValue;
  onChange: (value: TFormValue) => void;
};

const kindOf = (schema: TJsonSchema, root: TJsonSchema) => {
  const resolved = resolveLocal(schema, root);
  if (!isSchemaObject(resolved)) return { kind: "json" as const };
  if (Array.isArray(resolved.enum)) return { kind: "enum" as const, options: resolved.enum };
  if (schemaFields(resolved, root).length > 0) return { kind: "object" as const };
  const type = Array.isArray(resolved.type)
    ? resolved.type.find((t) => t !== "null")
    : resolved.type;
  if (type === "string") {
    return {
      kind: "string" as const,
      email: resolved.format === "email",
      pattern: resolved.pattern,
    };
  }
  if (type === "number" || type === "integer")
    return { kind: "number" as const, integer: type === "integer" };
  if (type === "boolean") return { kind: "boolean" as const };
  return { kind: "json" as const };
};

/** An optional group stays folded until wanted, so a short form stays short. */
function OptionalGroup(props: TFieldProps) {
  const [open, setOpen] = useState(getAt(props.value, props.path) !== undefined);
  if (open) return <Field {...props} />;
  return (
    <button
      type="button"
      onClick={() => setOpen(true)}
      className="flex items-center gap-1 text-[12px] font-medium text-indigo-600 hover:underline dark:text-indigo-400"
    >
      <Plus className="size-3" aria-hidden />
      Add {props.name} <span className="font-normal text-zinc-500">(optional)</span>
    </button>
  );
}

function Field({ name, path, schema, root, required, value, onChange }: TFieldProps) {
  const kind = kindOf(schema, root);
  const current = getAt(value, path);
  const set = (field: TJson | undefined) => onChange(setAt(value, path, field));
  const title = (
    <span className="flex items-baseline gap-1.5">
      <span className="font-mono text-zinc-800 dark:text-zinc-200">{name}</span>
      {required && <span className="text-[10px] text-red-500">required</span>}
      <span className="ml-auto text-[10px] font-normal text-zinc-400">
        {describeType(schema, root)}
      </span>
    </span>
  );
  if (kind.kind === "object") {
    return (
      <fieldset className="space-y-2 rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
        <legend className={`${labelClass} px-1`}>{title}</legend>
        {schemaFields(schema, root).map((f) => (
          <Entry
            key={f.name}
            name={f.name}
            path={[...path, f.name]}
            schema={f.schema}
            root={root}
            required={required && f.required}
            value={value}
            onChange={onChange}
          />
        ))}
      </fieldset>
    );
  }
  if (kind.kind === "boolean") {
    return (
      <label className="flex items-center gap-2 text-[12px]">
        <input
          type="checkbox"
          checked={current === true}
          onChange={(e) => set(e.target.checked)}
          className="accent-indigo-600"
        />
        <span className="font-mono">{name}</span>
      </label>
    );
  }
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is whichever branch below applies
    <label className={labelClass}>
      {title}
      {kind.kind === "enum" ? (
        <select
          value={JSON.stringify(current ?? null)}
          onChange={(e) => set(e.target.value === "null" ? undefined : JSON.parse(e.target.value))}
          className={`${inputClass} mt-0.5`}
        >
          <option value="null">—</option>
          {kind.options.map((o: unknown) => (
            <option key={JSON.stringify(o)} value={JSON.stringify(o)}>
              {String(o)}
            </option>
          ))}
        </select>
      ) : kind.kind === "string" ? (
        <input
          type={kind.email ? "email" : "text"}
          value={typeof current === "string" ? current : ""}
          required={required}
          pattern={typeof kind.pattern === "string" ? kind.pattern : undefined}
          onChange={(e) => set(e.target.value === "" ? undefined : e.target.value)}
          className={`${inputClass} mt-0.5`}
        />
      ) : kind.kind === "number" ? (
        <input
          type="number"
          step={kind.integer ? 1 : "any"}
          value={typeof current === "number" ? current : ""}
          required={required}
          onChange={(e) => set(e.target.value === "" ? undefined : Number(e.target.value))}
          className={`${inputClass} mt-0.5 tabular-nums`}
        />
      ) : (
        <textarea
          rows={2}
          defaultValue={current === undefined ? "" : JSON.stringify(current)}
          placeholder="JSON"
          onChange={(e) => {
            try {
              set(e.target.value === "" ? undefined : JSON.parse(e.target.value));
            } catch {
              // Left as it was until the text parses.
            }
          }}
          className={`${monoInputClass} mt-0.5`}
        />
      )}
    </label>
  );
}

function Entry(props: TFieldProps) {
  const folded = !props.required && kindOf(props.schema, props.root).kind === "object";
  return folded ? <OptionalGroup {...props} /> : <Field {...props} />;
}

/** A form for a run's input, generated from the scenario's input schema. */
export function InputForm({
  schema,
  value,
  onChange,
}: {
  schema: TJsonSchema;
  value: TFormValue;
  onChange: (value: TFormValue) => void;
}) {
  const fields = schemaFields(schema);
  if (fields.length === 0) {
    return <p className="text-[12px] text-zinc-500">This scenario takes no input.</p>;
  }
  return (
    <div className="space-y-2">
      {fields.map((f) => (
        <Entry
          key={f.name}
          name={f.name}
          path={[f.name]}
          schema={f.schema}
          root={schema}
          required={f.required}
          value={value}
          onChange={onChange}
        />
      ))}
    </div>
  );
}
