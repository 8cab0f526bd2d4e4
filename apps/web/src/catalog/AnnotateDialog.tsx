import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { parseJsonText } from "../tasks/schema-validator.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { DialogAction } from "../ui/DialogAction.tsx";
import { Field } from "./Field.tsx";
import { HELP, INPUT, LABEL } from "./fields.ts";
import type { TFunctionDetail } from "./types.ts";
import { useInvalidateCatalog } from "./use-invalidate-catalog.ts";

type TSchemaText = { text: string; problem?: string };

const schemaText = (value: unknown): string =>
  value === undefined ? "" : JSON.stringify(value, null, 2);

/** A schema typed as JSON: empty means "no override"; otherwise an object or a boolean. */
const readSchema = (
  text: string,
): { value?: boolean | Record<string, unknown>; problem?: string } => {
  if (text.trim() === "") return {};
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { problem: parsed.message };
  const value = parsed.value;
  if (typeof value === "boolean" || (typeof value === "object" && value && !Array.isArray(value))) {
    return { value: value as boolean | Record<string, unknown> };
  }
  return { problem: "A schema is a JSON object (or true/false)." };
};

function SchemaField({
  label,
  value,
  onChange,
  discovered,
}: {
  label: string;
  value: TSchemaText;
  onChange: (value: TSchemaText) => void;
  discovered: unknown;
}) {
  const id = useId();
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <label htmlFor={id} className={LABEL}>
          {label}
        </label>
        <button
          type="button"
          className="text-indigo-600 text-xs hover:underline dark:text-indigo-400"
          onClick={() => onChange({ text: schemaText(discovered) })}
        >
          Start from the discovered schema
        </button>
      </div>
      <textarea
        id={id}
        rows={6}
        spellCheck={false}
        className={`${INPUT} font-mono text-xs`}
        placeholder="Empty: use the discovered schema"
        value={value.text}
        onChange={(e) =>
          onChange({ text: e.target.value, problem: readSchema(e.target.value).problem })
        }
      />
      {value.problem && <p className="text-red-700 text-xs dark:text-red-400">{value.problem}</p>}
    </div>
  );
}

/**
 * A person's override of what discovery found: description, tags, and either schema. It
 * survives refreshes; emptying a field goes back to the discovered value.
 */
export function AnnotateDialog({ fn, onClose }: { fn: TFunctionDetail; onClose: () => void }) {
  const trpc = useTRPC();
  const invalidateCatalog = useInvalidateCatalog();
  const descriptionId = useId();
  const tagsId = useId();
  const [description, setDescription] = useState(fn.annotation.description ?? "");
  const [tags, setTags] = useState(fn.annotation.tags?.join(", ") ?? "");
  const [input, setInput] = useState<TSchemaText>({ text: schemaText(fn.annotation.inputSchema) });
  const [output, setOutput] = useState<TSchemaText>({
    text: schemaText(fn.annotation.outputSchema),
  });
  const annotate = useMutation(
    trpc.catalog.annotateFunction.mutationOptions({
      onSuccess: async () => {
        await invalidateCatalog();
        onClose();
      },
    }),
  );
  const inputSchema = readSchema(input.text);
  const outputSchema = readSchema(output.text);
  const tagList = tags
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const save = () =>
    annotate.mutate({
      id: fn.id,
      annotation: {
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(tagList.length > 0 ? { tags: tagList } : {}),
        ...(inputSchema.value !== undefined ? { inputSchema: inputSchema.value } : {}),
        ...(outputSchema.value !== undefined ? { outputSchema: outputSchema.value } : {}),
      },
    });
  return (
    <Dialog
      wide
      title={`Annotate ${fn.name}`}
      onClose={onClose}
      actions={
        <DialogAction
          label="Save annotation"
          pending={annotate.isPending}
          pendingLabel="Saving…"
          disabled={Boolean(inputSchema.problem || outputSchema.problem)}
          onClick={save}
        />
      }
    >
      <p className={HELP}>
        Your annotation wins over what the provider says and is kept across refreshes. Leave a field
        empty to use the discovered value.
      </p>
      <Field id={descriptionId} label="Description">
        <textarea
          id={descriptionId}
          rows={2}
          className={INPUT}
          placeholder={fn.discovered.description || "Empty: use the discovered description"}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <Field id={tagsId} label="Tags">
        <input
          id={tagsId}
          className={INPUT}
          placeholder={fn.discovered.tags.join(", ") || "comma-separated"}
          value={tags}
          onChange={(e) => setTags(e.target.value)}
        />
      </Field>
      <SchemaField
        label="Input schema"
        value={input}
        onChange={setInput}
        discovered={fn.discovered.inputSchema}
      />
      <SchemaField
        label="Output schema"
        value={output}
        onChange={setOutput}
        discovered={fn.discovered.outputSchema}
      />
      {annotate.error && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {errorMessage(annotate.error)}
        </p>
      )}
    </Dialog>
  );
}
