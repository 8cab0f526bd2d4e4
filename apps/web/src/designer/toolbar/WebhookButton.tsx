import { useQuery } from "@tanstack/react-query";
import { Webhook } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { composeScenario } from "../store/compose-scenario.ts";
import { Popover } from "../ui/Popover.tsx";
import { ToolButton } from "../ui/ToolButton.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { CopyText } from "./CopyText.tsx";
import { sampleInput, webhookCurl } from "./webhook-example.ts";

const code = "rounded bg-zinc-100 px-1 font-mono text-[11px] dark:bg-zinc-800";

/** How to start this scenario from another system: its webhook's address and a curl call. */
function WebhookHelp({ enabled }: { enabled: boolean | undefined }) {
  const { store } = useDesignerContext();
  // read when opened: the address and the example follow the slug and the start's fields
  const scenario = composeScenario(store.getState());
  const start = scenario.nodes.find((n) => n.kind === "start");
  const url = `${window.location.origin}/hooks/${scenario.slug}`;
  const body = sampleInput(start?.kind === "start" ? start.inputSchema : undefined);
  return (
    <div className="space-y-2.5 text-xs text-zinc-600 dark:text-zinc-400">
      <h2 className="font-semibold text-[13px] text-zinc-900 dark:text-zinc-100">Webhook</h2>
      <p>
        Another system starts a run of the latest published version with the run's input as a JSON
        body:
      </p>
      <CopyText label="Webhook address" text={`POST ${url}`} />
      {enabled === false ? (
        <div
          role="note"
          className="space-y-1 rounded-md border border-amber-200 bg-amber-50 p-2 text-amber-900 dark:border-amber-500/30 dark:bg-amber-500/10 dark:text-amber-200"
        >
          <p className="font-medium">Webhooks are off on this server.</p>
          <p>
            Start it with <code className={code}>BATON_HOOK_TOKEN</code> set to a secret of 24
            characters or more (for example <code className={code}>openssl rand -hex 32</code>),
            then send that secret as <code className={code}>Authorization: Bearer …</code>.
          </p>
        </div>
      ) : (
        <p>
          Callers send the server's webhook token (<code className={code}>BATON_HOOK_TOKEN</code>)
          as a bearer token. The answer is <code className={code}>202 {"{ runId }"}</code>; add{" "}
          <code className={code}>?wait=30</code> to wait for the run's output.
        </p>
      )}
      <CopyText label="Example call" text={webhookCurl(url, body)} />
    </div>
  );
}

/** The toolbar's Webhook button: where this scenario can be started from outside. */
export function WebhookButton() {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const info = useQuery({ ...trpc.system.info.queryOptions(), enabled: open });
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="Webhook"
      width="w-[28rem]"
      trigger={
        <ToolButton
          icon={Webhook}
          label="Webhook"
          onClick={() => setOpen(!open)}
          expanded={open}
          named="wide"
        />
      }
    >
      <WebhookHelp enabled={info.data?.webhooks.enabled} />
    </Popover>
  );
}
