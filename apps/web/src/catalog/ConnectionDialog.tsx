import { useMutation, useQuery } from "@tanstack/react-query";
import { FlaskConical, Save } from "lucide-react";
import { useId, useState } from "react";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { Dialog } from "../ui/Dialog.tsx";
import { DialogAction } from "../ui/DialogAction.tsx";
import { credentialsToReenter } from "./credentials-to-reenter.ts";
import { Field } from "./Field.tsx";
import { HELP, INPUT } from "./fields.ts";
import { SecretFields } from "./SecretFields.tsx";
import { secretChanges, type TSecretEdit } from "./secret-changes.ts";
import { TestResult } from "./TestResult.tsx";
import type { TConnection, TProviderForm, TRefreshReport } from "./types.ts";
import { useInvalidateCatalog } from "./use-invalidate-catalog.ts";

function SettingField({
  field,
  value,
  onChange,
}: {
  field: TProviderForm["fields"][number];
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <Field id={id} label={field.label} required={field.required}>
      <input
        id={id}
        className={INPUT}
        inputMode={field.type === "number" ? "numeric" : undefined}
        placeholder={field.placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
      {field.help && <p className={HELP}>{field.help}</p>}
    </Field>
  );
}

/**
 * Adds a connection or edits one: its settings and credentials, drawn from the provider's
 * form. "Test" discovers with what is typed and saves nothing; "Save" stores and refreshes.
 */
export function ConnectionDialog({
  connection,
  onClose,
  onSaved,
}: {
  connection?: TConnection;
  onClose: () => void;
  onSaved: (report: TRefreshReport) => void;
}) {
  const trpc = useTRPC();
  const invalidateCatalog = useInvalidateCatalog();
  const forms = useQuery(trpc.catalog.providerForms.queryOptions());
  const [provider, setProvider] = useState(connection?.provider ?? "local");
  const [name, setName] = useState(connection?.name ?? "");
  const [settings, setSettings] = useState<Record<string, string>>(connection?.settings ?? {});
  const [edits, setEdits] = useState<Record<string, TSecretEdit>>({});
  const form = forms.data?.find((f) => f.kind === provider);
  // stored credentials go to a changed address only when typed again
  const reenter =
    connection && form
      ? credentialsToReenter(form, connection.settings, settings, connection.secretKeys, edits)
      : { moved: [], keys: [] };
  const blocked = !form || reenter.keys.length > 0;
  const nameId = useId();
  const kindId = useId();

  const draft = () => ({
    provider,
    name: name.trim(),
    settings: Object.fromEntries(
      Object.entries(settings).filter(([key]) => form?.fields.some((f) => f.key === key)),
    ),
    secretChanges: secretChanges(edits),
  });
  // a result shows only while the form still holds what was tested
  const test = useMutation(trpc.catalog.testConnection.mutationOptions());
  const saved = {
    onSuccess: async (result: { refresh: TRefreshReport }) => {
      await invalidateCatalog();
      onSaved(result.refresh);
    },
  };
  const create = useMutation(trpc.catalog.createConnection.mutationOptions(saved));
  const update = useMutation(trpc.catalog.updateConnection.mutationOptions(saved));
  const save = connection ? update : create;
  const submit = () => {
    const { settings: text, secretChanges: changes } = draft();
    if (connection) update.mutate({ id: connection.id, settings: text, secretChanges: changes });
    else create.mutate(draft());
  };

  return (
    <Dialog
      wide
      title={connection ? `Edit connection “${connection.name}”` : "Add a connection"}
      onClose={onClose}
      actions={
        <>
          <button
            type="button"
            className={BUTTON.secondary}
            disabled={blocked || test.isPending}
            onClick={() =>
              test.mutate({ ...draft(), ...(connection ? { id: connection.id } : {}) })
            }
          >
            <FlaskConical className="size-3.5" aria-hidden />
            {test.isPending ? "Testing…" : "Test"}
          </button>
          <DialogAction
            label={connection ? "Save" : "Add"}
            icon={<Save className="size-3.5" aria-hidden />}
            pending={save.isPending}
            pendingLabel="Saving…"
            disabled={blocked}
            onClick={submit}
          />
        </>
      }
    >
      <div className="grid grid-cols-2 gap-3">
        <Field id={kindId} label="Provider">
          <select
            id={kindId}
            className={INPUT}
            value={provider}
            disabled={Boolean(connection)}
            onChange={(e) => {
              setProvider(e.target.value);
              test.reset();
            }}
          >
            {forms.data?.map((f) => (
              <option key={f.kind} value={f.kind}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field id={nameId} label="Name" required>
          <input
            id={nameId}
            className={INPUT}
            value={name}
            disabled={Boolean(connection)}
            placeholder="billing-api"
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
      </div>
      {form && <p className={HELP}>{form.description}</p>}
      {connection && (
        <p className={HELP}>The name and provider stay: the functions' refs begin with the name.</p>
      )}
      {form?.fields.map((field) => (
        <SettingField
          key={field.key}
          field={field}
          value={settings[field.key] ?? ""}
          onChange={(value) => {
            setSettings({ ...settings, [field.key]: value });
            test.reset();
          }}
        />
      ))}
      {form && (
        <SecretFields
          form={form}
          setKeys={connection?.secretKeys ?? []}
          reenter={reenter.keys}
          edits={edits}
          onChange={(next) => {
            setEdits(next);
            test.reset();
          }}
        />
      )}
      {reenter.keys.length > 0 && (
        <p role="alert" className="text-amber-700 text-xs dark:text-amber-400">
          {reenter.moved.join(" and ")} changed: re-enter the credentials to send them to the new
          address, or remove them ({reenter.keys.join(", ")}).
        </p>
      )}
      {connection?.secretProblem && (
        <p role="alert" className="text-red-700 text-xs dark:text-red-400">
          {connection.secretProblem}
        </p>
      )}
      {test.data && <TestResult result={test.data} />}
      {(test.error ?? save.error) && (
        <p role="alert" className="text-red-700 text-sm dark:text-red-400">
          {errorMessage(test.error ?? save.error)}
        </p>
      )}
    </Dialog>
  );
}
