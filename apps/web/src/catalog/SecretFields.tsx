import { KeyRound, Plus } from "lucide-react";
import { useId, useState } from "react";
import { HELP, INPUT, LABEL } from "./fields.ts";
import type { TSecretEdit } from "./secret-changes.ts";
import type { TProviderForm } from "./types.ts";

type TEdits = Record<string, TSecretEdit>;

function SecretInput({
  label,
  help,
  isSet,
  multiline,
  edit,
  onEdit,
}: {
  label: string;
  help?: string;
  isSet: boolean;
  multiline?: boolean;
  edit: TSecretEdit;
  onEdit: (edit: TSecretEdit) => void;
}) {
  const id = useId();
  const placeholder = isSet ? "•••••••• set — type to replace" : "not set";
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <label htmlFor={id} className={LABEL}>
          {label}
        </label>
        {isSet && (
          <label className="flex items-center gap-1 text-xs text-zinc-500">
            <input
              type="checkbox"
              checked={edit.remove}
              onChange={(e) => onEdit({ value: "", remove: e.target.checked })}
            />
            Remove
          </label>
        )}
      </div>
      {multiline ? (
        <textarea
          id={id}
          rows={3}
          className={`${INPUT} font-mono text-xs`}
          placeholder={placeholder}
          value={edit.value}
          disabled={edit.remove}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onEdit({ value: e.target.value, remove: false })}
        />
      ) : (
        <input
          id={id}
          type="password"
          className={INPUT}
          placeholder={placeholder}
          value={edit.value}
          disabled={edit.remove}
          autoComplete="new-password"
          onChange={(e) => onEdit({ value: e.target.value, remove: false })}
        />
      )}
      {help && <p className={HELP}>{help}</p>}
    </div>
  );
}

/**
 * The credentials of a connection. Stored ones show only that they are set: typing
 * replaces one, "Remove" clears it, leaving it alone keeps it.
 */
export function SecretFields({
  form,
  setKeys,
  edits,
  onChange,
}: {
  form: TProviderForm;
  setKeys: string[];
  edits: TEdits;
  onChange: (edits: TEdits) => void;
}) {
  const [newName, setNewName] = useState("");
  const edit = (key: string) => edits[key] ?? { value: "", remove: false };
  const update = (key: string, next: TSecretEdit) => onChange({ ...edits, [key]: next });
  const named = form.namedSecrets ? [...new Set([...setKeys, ...Object.keys(edits)])].sort() : [];
  if (form.secretFields.length === 0 && !form.namedSecrets) return null;
  return (
    <fieldset className="space-y-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="flex items-center gap-1 px-1 font-medium text-xs">
        <KeyRound className="size-3.5" aria-hidden /> Credentials
      </legend>
      <p className={HELP}>Encrypted on the server and never shown again.</p>
      {form.secretFields.map((field) => (
        <SecretInput
          key={field.key}
          label={field.label}
          help={field.help}
          multiline={field.json}
          isSet={setKeys.includes(field.key)}
          edit={edit(field.key)}
          onEdit={(next) => update(field.key, next)}
        />
      ))}
      {form.namedSecrets && (
        <>
          <p className={HELP}>{form.namedSecrets.help}</p>
          {named.map((key) => (
            <SecretInput
              key={key}
              label={key}
              isSet={setKeys.includes(key)}
              edit={edit(key)}
              onEdit={(next) => update(key, next)}
            />
          ))}
          <div className="flex gap-2">
            <input
              aria-label="Security scheme name"
              className={INPUT}
              placeholder="security scheme name, e.g. apiKeyAuth"
              value={newName}
              onChange={(e) => setNewName(e.target.value)}
            />
            <button
              type="button"
              className="inline-flex shrink-0 items-center gap-1 rounded-md border border-zinc-300 px-2 text-xs hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
              disabled={newName.trim() === "" || named.includes(newName.trim())}
              onClick={() => {
                update(newName.trim(), { value: "", remove: false });
                setNewName("");
              }}
            >
              <Plus className="size-3.5" aria-hidden /> Add scheme
            </button>
          </div>
        </>
      )}
    </fieldset>
  );
}
