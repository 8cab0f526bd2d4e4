import { Boxes, Plus } from "lucide-react";
import { useState } from "react";
import { useCan } from "../auth/use-session.ts";
import { BUTTON } from "../ui/buttons.ts";
import { EmptyState } from "../ui/States.tsx";
import { ConnectionDialog } from "./ConnectionDialog.tsx";

/**
 * An empty catalog says where functions come from and offers the way to get some: a
 * connection to a provider, which Baton then discovers the functions of.
 */
export function CatalogEmptyState({ connections }: { connections: number }) {
  const manages = useCan("administer");
  const [adding, setAdding] = useState(false);
  return (
    <EmptyState icon={Boxes} title="No functions yet">
      <p>
        {connections === 0
          ? "Functions come from connections: add one to a provider (a folder of local functions, an OpenAPI service, AWS Lambda, …) and Baton discovers its functions."
          : "Your connections have no functions yet: a connection in error above says why. Refresh it once fixed, or add another."}
      </p>
      {manages ? (
        <button type="button" className={`${BUTTON.primary} mt-4`} onClick={() => setAdding(true)}>
          <Plus className="size-3.5" aria-hidden /> Add a connection
        </button>
      ) : (
        <p className="mt-2">Ask an administrator to add one.</p>
      )}
      {adding && (
        <ConnectionDialog onClose={() => setAdding(false)} onSaved={() => setAdding(false)} />
      )}
    </EmptyState>
  );
}
