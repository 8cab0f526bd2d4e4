import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { type ChangeEvent, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/Button.tsx";
import { ImportScenarioDialog } from "./ImportScenarioDialog.tsx";
import { importConflict, type TImportConflict } from "./import-conflict.ts";

type TFile = { json: string; fileName: string };

/**
 * Creates a scenario from a baton.scenario/v1 file; the server says what is wrong with a bad
 * one, and when its slug is taken a dialog offers the free one to import it under instead.
 */
export function ImportScenarioButton() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<TFile>();
  const [conflict, setConflict] = useState<TImportConflict>();
  const importFile = useMutation(
    trpc.scenarios.import.mutationOptions({
      onSuccess: (created) => void navigate(`/scenarios/${created.slug}`),
      onError: (error) => setConflict(importConflict(error)),
    }),
  );
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = "";
    if (!chosen) return;
    const picked = { json: await chosen.text(), fileName: chosen.name };
    setFile(picked);
    setConflict(undefined);
    importFile.mutate({ json: picked.json });
  };
  const closeDialog = () => {
    setConflict(undefined);
    importFile.reset();
  };
  return (
    <div className="flex items-center gap-2">
      {importFile.error && !conflict && (
        <span
          role="alert"
          className="max-w-80 truncate text-red-600 text-xs"
          title={errorMessage(importFile.error)}
        >
          {errorMessage(importFile.error)}
        </span>
      )}
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-label="Scenario file"
        onChange={(e) => void onFile(e)}
      />
      <Button icon={Upload} onClick={() => input.current?.click()} disabled={importFile.isPending}>
        Import
      </Button>
      {file && conflict && (
        <ImportScenarioDialog
          json={file.json}
          fileName={file.fileName}
          initial={conflict.suggested}
          conflict={conflict}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
