import { useMutation } from "@tanstack/react-query";
import { Upload } from "lucide-react";
import { type ChangeEvent, useRef } from "react";
import { useNavigate } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/Button.tsx";

/** Creates a scenario from a baton.scenario/v1 file; the server says what is wrong with a bad one. */
export function ImportScenarioButton() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const importFile = useMutation(
    trpc.scenarios.import.mutationOptions({
      onSuccess: (created) => void navigate(`/scenarios/${created.slug}`),
    }),
  );
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (file) importFile.mutate({ json: await file.text() });
  };
  return (
    <div className="flex items-center gap-2">
      {importFile.error && (
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
    </div>
  );
}
