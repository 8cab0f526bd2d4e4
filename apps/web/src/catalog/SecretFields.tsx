import { KeyRound, Plus } from "lucide-react";
import { useId, useState } from "react";
import { HELP, INPUT, LABEL } from "./fields.ts";
import type { TSecretEdit } from "./secret-changes.ts";
import type { TProviderForm } from "./types.ts";

type TEdits = Record<string, TSecretEdit>;

const HEADER = "header:";
// a stored credential that must be typed again for a changed address
const REENTER = "aria-invalid:border-amber-500 aria-invalid:ring-2 aria-invalid:ring-amber-500/20";

function SecretInput({
  label,
  help,
  isSet,
  reenter,
  multiline,
  edit,
  onEdit,
}: {
  label: string;
  help?: string;
  isSet: boolean;
  /** stored, but the address changed: it goes there only if typed again */
  reenter: boolean;
  multiline?: boolean;
  edit: TSecretEdit;
  onEdit: (edit: TSecretEdit) => void;
}) {
  const id = useId();
  const placeholder = reenter
    ? "re-enter for the new address, or remove"
    : isSet
      ? "•••••••• set — type to replace"
      : "not set";
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
          className={`${INPUT} ${REENTER} font-mono text-xs`}
          placeholder={placeholder}
          value={edit.value}
          disabled={edit.remove}
          aria-invalid={reenter || undefined}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onEdit({ value: e.target.value, remove: false })}
        />
      ) : (
        <input
          id={id}
          type="password"
          className={`${INPUT} ${REENTER}`}
          placeholder={placeholder}
          value={edit.value}
          disabled={edit.remove}
          aria-invalid={reenter || undefined}
          autoComplete="new-password"
          onChange={(e) => onEdit({ value: e.target.value, remove: false })}
        />
      )}
      {help && <p className={HELP}>{help}</p>}
    </div>
  );
}

/** A name typed for a new credential, and the button that adds its input. */
function AddNamed({
  label,
  placeholder,
  button,
  taken,
  onAdd,
}: {
  label: string;
  placeholder: string;
  button: string;
  taken: (name: string) => boolean;
  onAdd: (name: string) => void;
}) {
  const [name, setName] = useState("");
  return (
    <div className="flex gap-2">
      <input
        aria-label={label}
        className={INPUT}
        placeholder={placeholder}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="button"
        className="inline-flex shrink-0 items-center gap-1 rounded-md border border-zinc-300 px-2 text-xs hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
        disabled={name.trim() === "" || taken(name.trim())}
        onClick={() => {
          onAdd(name.trim());
          setName("");
        }}
      >
        <Plus className="size-3.5" aria-hidden /> {button}
      </button>
    </div>
  );
}

/**
 * The credentials of a connection. Stored ones show only that they are set: typing
 * replaces one, "Remove" clears it, leaving it alone keeps it. Those in `reenter` must be
 * typed again (or removed) because the address they go to changed.
 */
export function SecretFields({
  form,
  setKeys,
  reenter,
  edits,
  onChange,
}: {
  form: TProviderForm;
  setKeys: string[];
  reenter: string[];
  edits: TEdits;
  onChange: (edits: TEdits) => void;
}) {
  const edit = (key: string) => edits[key] ?? { value: "", remove: false };
  const update = (key: string, next: TSecretEdit) => onChange({ ...edits, [key]: next });
  const keys = [...new Set([...setKeys, ...Object.keys(edits)])].sort();
  const named = form.namedSecrets ? keys.filter((key) => !key.startsWith(HEADER)) : [];
  const headers = form.secretHeaders ? keys.filter((key) => key.startsWith(HEADER)) : [];
  const input = (key: string, label: string) => (
    <SecretInput
      key={key}
      label={label}
      isSet={setKeys.includes(key)}
      reenter={reenter.includes(key)}
      edit={edit(key)}
      onEdit={(next) => update(key, next)}
    />
  );
  if (form.secretFields.length === 0 && !form.namedSecrets && !form.secretHeaders) return null;
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
          reenter={reenter.includes(field.key)}
          edit={edit(field.key)}
          onEdit={(next) => update(field.key, next)}
        />
      ))}
      {form.namedSecrets && (
        <>
          <p className={HELP}>{form.namedSecrets.help}</p>
          {named.map((key) => input(key, key))}
          <AddNamed
            label="Security scheme name"
            placeholder="security scheme name, e.g. apiKeyAuth"
            button="Add scheme"
            taken={(name) => named.includes(name)}
            onAdd={(name) => update(name, { value: "", remove: false })}
          />
        </>
      )}
      {form.secretHeaders && (
        <>
          <p className={HELP}>{form.secretHeaders.help}</p>
          {headers.map((key) => input(key, `Header ${key.slice(HEADER.length)}`))}
          <AddNamed
            label="Header name"
            placeholder="header name, e.g. X-Api-Key"
            button="Add header"
            // the server keeps header names in lower case
            taken={(name) => headers.includes(`${HEADER}${name.toLowerCase()}`)}
            onAdd={(name) => update(`${HEADER}${name.toLowerCase()}`, { value: "", remove: false })}
          />
        </>
      )}
    </fieldset>
  );
}
