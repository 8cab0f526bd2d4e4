import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { useParams } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { Designer } from "../designer/Designer.tsx";
import { DesignerProvider } from "../designer/DesignerContext.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorNotice, LoadingRows } from "../ui/States.tsx";

/** /scenarios/:slug — the designer for one scenario's draft. */
export function ScenarioDesignerPage() {
  const { slug = "" } = useParams();
  const trpc = useTRPC();
  // The draft is loaded once: the designer owns it from then on and saves it back.
  const scenario = useQuery({
    ...trpc.scenarios.get.queryOptions({ slug }),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
  const catalog = useQuery(trpc.scenarios.catalog.queryOptions());
  const designs = useCan("design");
  const error = scenario.error ?? catalog.error;
  if (error) {
    return (
      <div className="p-6">
        <ErrorNotice
          error={error}
          retry={() => void (scenario.error ? scenario.refetch() : catalog.refetch())}
        />
      </div>
    );
  }
  if (!scenario.data || !catalog.data) {
    return (
      <div className="p-6">
        <LoadingRows rows={3} />
      </div>
    );
  }
  return (
    <DesignerProvider
      key={scenario.data.id}
      catalog={catalog.data}
      scenario={scenario.data.draft}
      readOnly={!designs}
    >
      <ReactFlowProvider>
        <Designer
          scenarioId={scenario.data.id}
          draftUpdatedAt={String(scenario.data.draftUpdatedAt)}
        />
      </ReactFlowProvider>
    </DesignerProvider>
  );
}
