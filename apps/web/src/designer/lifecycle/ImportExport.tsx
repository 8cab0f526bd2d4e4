import { type TScenario, ZScenario } from "@baton/model";
import { Download, Upload } from "lucide-react";
import { type ChangeEvent, useRef, useState } from "react";
import { ImportScenarioDialog } from "../scenarios/ImportScenarioDialog.tsx";
import { composeScenario } from "../store/compose-scenario.ts";
import { Button } from "../ui/Button.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { downloadJson } from "./download-json.ts";

const readScenario = (text: string) => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { error: "The file is not JSON." } as const;
  }
  const parsed = ZScenario.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return {
      error: `The file is not a baton.scenario/v1 scenario${first ? ` (${first.path.join(".") || "top level"}: ${first.message})` : ""}.`,
    } as const;
  }
  return { scenario: parsed.data } as const;
};

type TPicked = { json: string; fileName: string; scenario: TScenario };

/**
 * Export the draft as it is on the canvas; import a file, asking first whether it replaces
 * the open draft (undoable, keeping this scenario's name) or becomes a scenario of its own.
 */
export function ImportExport() {
  const { store } = useDesignerContext();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [picked, setPicked] = useState<TPicked>();
  const exportDraft = () => {
    const scenario = composeScenario(store.getState());
    downloadJson(`${scenario.slug}.json`, scenario);
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const json = await file.text();
    const result = readScenario(json);
    if ("error" in result) {
      setError(result.error);
      return;
    }
    setError(undefined);
    setPicked({ json, fileName: file.name, scenario: result.scenario });
  };
  const replaceDraft = ({ version: _version, ...scenario }: TScenario) => {
    const { name } = store.getState().meta;
    store.getState().replaceScenario({ ...scenario, name });
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        aria-label="Scenario file to import"
        onChange={(e) => void onFile(e)}
      />
      <Button variant="ghost" icon={Upload} onClick={() => input.current?.click()}>
        Import
      </Button>
      <Button variant="ghost" icon={Download} onClick={exportDraft}>
        Export
      </Button>
      {picked && (
        <ImportScenarioDialog
          json={picked.json}
          fileName={picked.fileName}
          initial={{ name: picked.scenario.name, slug: picked.scenario.slug }}
          replace={{
            current: store.getState().meta.name,
            onReplace: () => replaceDraft(picked.scenario),
          }}
          onClose={() => setPicked(undefined)}
        />
      )}
      {error && (
        <span
          role="alert"
          className="max-w-64 truncate text-red-600 text-xs dark:text-red-400"
          title={error}
        >
          {error}
        </span>
      )}
    </>
  );
}
