import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Dialog } from "../../ui/Dialog.tsx";
import { DialogAction } from "../../ui/DialogAction.tsx";
import { importConflict, type TImportConflict, type TNameAndSlug } from "./import-conflict.ts";
import { slugify } from "./slugify.ts";

const FIELD =
  "mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-[13px] outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950";
const LABEL = "block font-medium text-xs text-zinc-700 dark:text-zinc-300";

/** Replacing the draft open in the designer instead, when the dialog is asked from there. */
export type TReplaceDraft = { current: string; onReplace: () => void };

/**
 * Imports a scenario file under a name and slug of the person's choosing: the server's
 * refusal of a taken slug fills in the free one it offers. From the designer it also offers
 * to put the file in place of the open draft, which keeps that scenario's name and address.
 */
export function ImportScenarioDialog({
  json,
  fileName,
  initial,
  conflict,
  replace,
  onClose,
}: {
  json: string;
  fileName: string;
  /** the name and slug to start from: the file's, or the free ones offered */
  initial: TNameAndSlug;
  /** the slug was taken already when the dialog opened */
  conflict?: TImportConflict | undefined;
  replace?: TReplaceDraft | undefined;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const formId = useId();
  const [mode, setMode] = useState<"new" | "replace">(replace ? "replace" : "new");
  const [name, setName] = useState(initial.name);
  const [slug, setSlug] = useState(initial.slug);
  const [taken, setTaken] = useState(conflict?.slug);
  const importFile = useMutation(
    trpc.scenarios.import.mutationOptions({
      onSuccess: (created) => void navigate(`/scenarios/${created.slug}`),
      onError: (error) => {
        const refused = importConflict(error);
        if (!refused) return;
        setTaken(refused.slug);
        setName(refused.suggested.name);
        setSlug(refused.suggested.slug);
      },
    }),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mode === "replace" && replace) {
      replace.onReplace();
      onClose();
      return;
    }
    importFile.mutate({ json, name: name.trim(), slug: slug.trim() });
  };
  const refusal =
    importFile.error && !importConflict(importFile.error) ? errorMessage(importFile.error) : "";
  return (
    <Dialog
      title={`Import ${fileName}`}
      onClose={onClose}
      actions={
        <DialogAction
          form={formId}
          label={mode === "replace" ? "Replace the draft" : "Import as a new scenario"}
          pendingLabel="Importing…"
          pending={importFile.isPending}
          disabled={mode === "new" && (!name.trim() || !slug.trim())}
        />
      }
    >
      <form id={formId} onSubmit={submit} className="space-y-3">
        {replace && (
          <fieldset className="space-y-2">
            <legend className="sr-only">What to do with the file</legend>
            <label className="flex items-start gap-2 text-[13px]">
              <input
                type="radio"
                name="import-mode"
                className="mt-1"
                checked={mode === "replace"}
                onChange={() => setMode("replace")}
              />
              <span>
                <span className="block font-medium">Replace the draft of “{replace.current}”</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  The canvas takes the file's steps; the scenario keeps its name and address. Undo
                  brings the draft back.
                </span>
              </span>
            </label>
            <label className="flex items-start gap-2 text-[13px]">
              <input
                type="radio"
                name="import-mode"
                className="mt-1"
                checked={mode === "new"}
                onChange={() => setMode("new")}
              />
              <span>
                <span className="block font-medium">Import as a new scenario</span>
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  This draft stays as it is; the file opens as a scenario of its own.
                </span>
              </span>
            </label>
          </fieldset>
        )}
        {mode === "new" && (
          <div className="space-y-2.5">
            {taken && (
              <p
                role="status"
                className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 text-xs dark:bg-amber-500/10 dark:text-amber-200"
              >
                A scenario with the slug <span className="font-mono">{taken}</span> already exists:
                import this file under another name and slug.
              </p>
            )}
            <label className={LABEL}>
              Name
              <input
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setSlug(slugify(e.target.value));
                }}
                className={FIELD}
                required
              />
            </label>
            <label className={LABEL}>
              Slug
              <input
                value={slug}
                onChange={(e) => setSlug(e.target.value)}
                className={`${FIELD} font-mono`}
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                title="lowercase words joined by dashes"
                required
              />
            </label>
          </div>
        )}
        {refusal && (
          <p
            role="alert"
            className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-xs dark:bg-red-950/50 dark:text-red-300"
          >
            {refusal}
          </p>
        )}
      </form>
    </Dialog>
  );
}
