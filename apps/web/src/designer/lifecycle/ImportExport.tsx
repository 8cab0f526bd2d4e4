import { ZScenario } from "@baton/model";
import { Download, Upload } from "lucide-react";
import { type ChangeEvent, useRef, useState } from "react";
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

/** Export the draft as it is on the canvas; import a file in its place (undoable). */
export function ImportExport() {
  const { store } = useDesignerContext();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const exportDraft = () => {
    const scenario = composeScenario(store.getState());
    downloadJson(`${scenario.slug}.json`, scenario);
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const result = readScenario(await file.text());
    if ("error" in result) {
      setError(result.error);
      return;
    }
    setError(undefined);
    const { version: _version, ...scenario } = result.scenario;
    store.getState().replaceScenario(scenario);
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
