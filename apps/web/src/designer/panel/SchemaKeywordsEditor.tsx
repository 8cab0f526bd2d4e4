import { isSchemaObject, type TJsonSchema } from "@baton/model";
import { useEffect, useState } from "react";
import { fieldClass, labelClass } from "./form-styles.ts";
import { SchemaFieldsEditor } from "./SchemaFieldsEditor.tsx";
import { FIELD_TYPES, fieldTypeOf, type TFieldType } from "./schema-edit.ts";
import {
  baseTypeOf,
  isNullable,
  parseBound,
  parseCount,
  parseValues,
  STRING_FORMATS,
  setKeyword,
  setNullable,
  setValues,
  valuesText,
} from "./schema-keywords.ts";

// Lists of lists of objects are rare; past this depth the JSON is the better editor.
const MAX_DEPTH = 3;

/** A text box committed as it is typed, showing what was typed while it still means the value. */
function TextBox({
  label,
  name,
  value,
  parse,
  onChange,
  placeholder,
  mono,
}: {
  label: string;
  name: string;
  value: string;
  parse: (text: string) => unknown;
  onChange: (value: unknown) => void;
  placeholder?: string;
  mono?: boolean;
}) {
  const [typed, setTyped] = useState(value);
  useEffect(() => {
    setTyped((now) => (JSON.stringify(parse(now)) === JSON.stringify(parse(value)) ? now : value));
  }, [value, parse]);
  return (
    <label className={`${labelClass} min-w-0`}>
      {name}
      <input
        aria-label={`${label} ${name.toLowerCase()}`}
        value={typed}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(parse(e.target.value));
        }}
        className={`${fieldClass} mt-0.5 w-full ${mono ? "font-mono text-[12px]" : ""}`}
      />
    </label>
  );
}

const numberText = (value: unknown): string => (typeof value === "number" ? String(value) : "");
const asText = (text: string): string | undefined => (text === "" ? undefined : text);

function Check({
  label,
  name,
  checked,
  onChange,
}: {
  label: string;
  name: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-[11px] text-zinc-600 dark:text-zinc-400">
      <input
        type="checkbox"
        aria-label={`${label} ${name.toLowerCase()}`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="accent-indigo-600"
      />
      {name}
    </label>
  );
}

/**
 * The constraints of one schema that the check reasons about, by its base type: lengths,
 * pattern and format of text; bounds and steps of numbers; listed values; a list's length,
 * repeats and item type; an object's fields. Each change goes straight to `onChange`.
 */
export function SchemaKeywordsEditor({
  schema,
  label,
  onChange,
  depth = 0,
}: {
  schema: TJsonSchema;
  /** Names the schema in the controls' labels, e.g. `customerId`. */
  label: string;
  onChange: (schema: TJsonSchema) => void;
  depth?: number;
}) {
  const base = baseTypeOf(schema);
  const own = isSchemaObject(schema) ? schema : {};
  const set = (keyword: string) => (value: unknown) => onChange(setKeyword(schema, keyword, value));
  const box = (
    keyword: string,
    name: string,
    parse: (text: string) => unknown = parseBound,
    placeholder = "none",
  ) => (
    <TextBox
      label={label}
      name={name}
      value={numberText(own[keyword])}
      parse={parse}
      onChange={set(keyword)}
      placeholder={placeholder}
    />
  );
  if (base === undefined) {
    return (
      <p className="text-[11px] text-zinc-500">
        Pick a type to constrain it; a value of any type has nothing more to check.
      </p>
    );
  }
  const listed =
    base === "string" || base === "number" || base === "integer" ? (
      <TextBox
        label={label}
        name="Allowed values"
        value={valuesText(schema)}
        parse={(text) => parseValues(text, base)}
        onChange={(values) => onChange(setValues(schema, values as unknown[] | undefined))}
        placeholder="any; or a, b, c"
        mono
      />
    ) : null;
  return (
    <div className="space-y-1.5">
      {base === "string" && (
        <>
          <div className="grid grid-cols-2 gap-1.5">
            {box("minLength", "Min length", parseCount)}
            {box("maxLength", "Max length", parseCount)}
          </div>
          <div className="grid grid-cols-2 gap-1.5">
            <label className={labelClass}>
              Format
              <select
                aria-label={`${label} format`}
                value={typeof own.format === "string" ? own.format : ""}
                onChange={(e) => set("format")(e.target.value || undefined)}
                className={`${fieldClass} mt-0.5 w-full`}
              >
                <option value="">none</option>
                {typeof own.format === "string" &&
                  !(STRING_FORMATS as readonly string[]).includes(own.format) && (
                    <option value={own.format}>{own.format}</option>
                  )}
                {STRING_FORMATS.map((format) => (
                  <option key={format} value={format}>
                    {format}
                  </option>
                ))}
              </select>
            </label>
            <TextBox
              label={label}
              name="Pattern"
              value={typeof own.pattern === "string" ? own.pattern : ""}
              parse={asText}
              onChange={set("pattern")}
              placeholder="a regular expression"
              mono
            />
          </div>
        </>
      )}
      {(base === "number" || base === "integer") && (
        <>
          <div className="grid grid-cols-2 gap-1.5">
            {box("minimum", "Minimum")}
            {box("maximum", "Maximum")}
          </div>
          <div className="grid grid-cols-3 gap-1.5">
            {box("exclusiveMinimum", "More than")}
            {box("exclusiveMaximum", "Less than")}
            {box("multipleOf", "Multiple of", (text) => {
              const value = parseBound(text);
              return value !== undefined && value > 0 ? value : undefined;
            })}
          </div>
        </>
      )}
      {listed}
      {base === "array" && depth < MAX_DEPTH && (
        <ListKeywords schema={schema} label={label} onChange={onChange} depth={depth} />
      )}
      {base === "object" && depth < MAX_DEPTH && (
        <>
          <div className="grid grid-cols-2 gap-1.5">
            {box("minProperties", "Min fields", parseCount)}
            {box("maxProperties", "Max fields", parseCount)}
          </div>
          <Check
            label={label}
            name="No other fields"
            checked={own.additionalProperties === false}
            onChange={(closed) => set("additionalProperties")(closed ? false : undefined)}
          />
          <SchemaFieldsEditor schema={schema} label={label} onChange={onChange} depth={depth + 1} />
        </>
      )}
      <Check
        label={label}
        name="Can be null"
        checked={isNullable(schema)}
        onChange={(nullable) => onChange(setNullable(schema, nullable))}
      />
    </div>
  );
}

/** A list's length, repeats, and what each item is. */
function ListKeywords({
  schema,
  label,
  onChange,
  depth,
}: {
  schema: TJsonSchema;
  label: string;
  onChange: (schema: TJsonSchema) => void;
  depth: number;
}) {
  const own = isSchemaObject(schema) ? schema : {};
  const items: TJsonSchema =
    typeof own.items === "boolean" || isSchemaObject(own.items) ? own.items : true;
  const itemType = fieldTypeOf(items);
  const count = (keyword: string, name: string) => (
    <TextBox
      label={label}
      name={name}
      value={numberText(own[keyword])}
      parse={parseCount}
      onChange={(value) => onChange(setKeyword(schema, keyword, value))}
      placeholder="none"
    />
  );
  const itemLabel = `${label} item`;
  return (
    <>
      <div className="grid grid-cols-2 gap-1.5">
        {count("minItems", "Min items")}
        {count("maxItems", "Max items")}
      </div>
      <Check
        label={label}
        name="No repeated items"
        checked={own.uniqueItems === true}
        onChange={(unique) => onChange(setKeyword(schema, "uniqueItems", unique || undefined))}
      />
      <label className={labelClass}>
        Each item is
        <select
          aria-label={`${label} item type`}
          value={itemType}
          onChange={(e) =>
            onChange(setKeyword(schema, "items", FIELD_TYPES[e.target.value as TFieldType]))
          }
          className={`${fieldClass} mt-0.5 w-full`}
        >
          {itemType === "custom" && <option value="custom">as written</option>}
          {Object.keys(FIELD_TYPES).map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {itemType !== "any" && itemType !== "custom" && (
        <div className="border-zinc-200 border-l-2 pl-2 dark:border-zinc-700">
          <SchemaKeywordsEditor
            schema={items}
            label={itemLabel}
            onChange={(next) => onChange(setKeyword(schema, "items", next))}
            depth={depth + 1}
          />
        </div>
      )}
    </>
  );
}
