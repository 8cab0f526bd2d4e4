import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, PenLine } from "lucide-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useCan } from "../auth/use-session.ts";
import { AnnotateDialog } from "../catalog/AnnotateDialog.tsx";
import { FunctionFacts } from "../catalog/FunctionFacts.tsx";
import { SchemaSourceBadge } from "../catalog/SchemaSourceBadge.tsx";
import { SchemaTree } from "../catalog/SchemaTree.tsx";
import { sideSource } from "../catalog/side-source.ts";
import { TryIt } from "../catalog/TryIt.tsx";
import { useTRPC } from "../lib/trpc.ts";
import { BUTTON } from "../ui/buttons.ts";
import { PageHeader } from "../ui/PageHeader.tsx";
import { ErrorNotice, LoadingRows } from "../ui/States.tsx";

const CARD =
  "rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900";

/** One catalog function: its types, source, cost, users, annotation and a "try it" form. */
export function CatalogFunctionPage() {
  const { id = "" } = useParams();
  const trpc = useTRPC();
  const fn = useQuery(trpc.catalog.function.queryOptions({ id }));
  const [annotating, setAnnotating] = useState(false);
  // trying calls the real function and annotating changes its types: scenario builders' work
  const designs = useCan("design");
  if (fn.error) {
    return (
      <div className="p-6">
        <ErrorNotice error={fn.error} retry={() => fn.refetch()} />
      </div>
    );
  }
  if (!fn.data) {
    return (
      <div className="p-6">
        <LoadingRows />
      </div>
    );
  }
  const f = fn.data;
  return (
    <>
      <PageHeader
        title={f.name}
        description={f.description || f.ref}
        actions={
          <>
            <Link to="/catalog" className={BUTTON.secondary}>
              <ArrowLeft className="size-3.5" aria-hidden /> Catalog
            </Link>
            {designs && (
              <button
                type="button"
                className={BUTTON.secondary}
                onClick={() => setAnnotating(true)}
              >
                <PenLine className="size-3.5" aria-hidden /> Annotate
              </button>
            )}
          </>
        }
      />
      <div className="grid gap-4 p-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-4">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono dark:bg-zinc-800">
              {f.ref}
            </code>
            {f.tags.map((t) => (
              <span
                key={t}
                className="rounded bg-zinc-100 px-1.5 py-0.5 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400"
              >
                {t}
              </span>
            ))}
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <section aria-labelledby="input-title" className={CARD}>
              <div className="mb-2 flex items-center justify-between">
                <h2 id="input-title" className="font-medium">
                  Input
                </h2>
                <SchemaSourceBadge source={sideSource(f, "input")} />
              </div>
              <SchemaTree schema={f.inputSchema} label="Input type" />
            </section>
            <section aria-labelledby="output-title" className={CARD}>
              <div className="mb-2 flex items-center justify-between">
                <h2 id="output-title" className="font-medium">
                  Output
                </h2>
                <SchemaSourceBadge source={sideSource(f, "output")} />
              </div>
              <SchemaTree schema={f.outputSchema} label="Output type" />
            </section>
          </div>
          {designs && (
            <div className={CARD}>
              <TryIt key={f.id} fn={f} />
            </div>
          )}
        </div>
        <FunctionFacts fn={f} />
      </div>
      {annotating && <AnnotateDialog fn={f} onClose={() => setAnnotating(false)} />}
    </>
  );
}
