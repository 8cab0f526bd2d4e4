import { useQuery } from "@tanstack/react-query";
import { ChevronDown, PanelLeftClose, PanelLeftOpen, Search } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { useTRPC } from "../../lib/trpc.ts";
import { ErrorNotice, LoadingRows } from "../../ui/States.tsx";
import { KIND_LOOKS } from "../canvas/nodes/node-kinds.ts";
import { CONTROL_LABELS, type TControlKind } from "../store/new-step.ts";
import { usePalettePanel } from "../store/panel-preferences.ts";
import { FoldedPanel } from "../ui/FoldedPanel.tsx";
import { groupFunctions } from "./group-functions.ts";
import { PaletteItem } from "./PaletteItem.tsx";
import { useAddStep } from "./use-add-step.ts";

const CONTROLS: readonly TControlKind[] = ["manual", "choice", "map", "wait", "subscenario", "end"];

const CONTROL_HINTS: Record<TControlKind, string> = {
  manual: "a person approves or fills in a form",
  choice: "one branch by condition",
  map: "repeat steps per list item",
  wait: "pause for a time",
  subscenario: "run another scenario",
  end: "finish with an output",
};

function KindIcon({ kind }: { kind: keyof typeof KIND_LOOKS }) {
  const look = KIND_LOOKS[kind];
  const Icon = look.icon;
  return (
    <span
      className={`flex size-6 shrink-0 items-center justify-center rounded-md text-white ${look.accent}`}
    >
      <Icon className="size-3.5" aria-hidden />
    </span>
  );
}

function SectionTitle({ children }: { children: string }) {
  return (
    <h3 className="px-2 pt-3 pb-1 font-semibold text-[10px] text-zinc-500 uppercase tracking-wider dark:text-zinc-400">
      {children}
    </h3>
  );
}

/** The catalog and the control steps, searchable, ready to drag onto the canvas; it folds away. */
export function Palette() {
  const folded = usePalettePanel((s) => s.value === "folded");
  const setPanel = usePalettePanel((s) => s.set);
  if (folded) {
    return (
      <FoldedPanel
        label="Palette"
        action="Show the palette"
        icon={PanelLeftOpen}
        side="left"
        onOpen={() => setPanel("open")}
      />
    );
  }
  return <PaletteList onFold={() => setPanel("folded")} />;
}

function PaletteList({ onFold }: { onFold: () => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const term = useDeferredValue(search.trim());
  const functions = useQuery(
    trpc.catalog.functions.queryOptions({ limit: 200, ...(term ? { search: term } : {}) }),
  );
  const groups = useMemo(() => groupFunctions(functions.data?.items ?? []), [functions.data]);
  const add = useAddStep();
  const lower = term.toLowerCase();
  const controls = CONTROLS.filter(
    (kind) =>
      !lower ||
      CONTROL_LABELS[kind].toLowerCase().includes(lower) ||
      CONTROL_HINTS[kind].includes(lower),
  );
  const toggle = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <aside
      aria-label="Palette"
      className="flex w-64 shrink-0 flex-col border-zinc-200 border-r bg-white dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center gap-1 border-zinc-200 border-b p-2 dark:border-zinc-800">
        <label className="relative block min-w-0 flex-1">
          <span className="sr-only">Search the palette</span>
          <Search
            className="-translate-y-1/2 absolute top-1/2 left-2 size-3.5 text-zinc-400"
            aria-hidden
          />
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search functions"
            className="w-full rounded-md border border-zinc-300 bg-white py-1 pr-2 pl-7 text-[13px] outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950"
          />
        </label>
        <button
          type="button"
          onClick={onFold}
          aria-label="Fold the palette"
          title="Fold the palette"
          className="shrink-0 rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
        >
          <PanelLeftClose className="size-4" aria-hidden />
        </button>
      </div>
      <div className="flex-1 overflow-y-auto px-1.5 pb-3">
        {controls.length > 0 && (
          <section aria-label="Control steps">
            <SectionTitle>Control</SectionTitle>
            {controls.map((kind) => (
              <PaletteItem
                key={kind}
                spec={{ kind }}
                title={CONTROL_LABELS[kind]}
                subtitle={CONTROL_HINTS[kind]}
                icon={<KindIcon kind={kind} />}
                onAdd={add}
              />
            ))}
          </section>
        )}
        {functions.error ? (
          <div className="p-2">
            <ErrorNotice error={functions.error} retry={() => functions.refetch()} />
          </div>
        ) : !functions.data ? (
          <div className="p-2">
            <LoadingRows rows={4} />
          </div>
        ) : groups.length === 0 ? (
          <p className="px-2 pt-3 text-xs text-zinc-500">
            {term ? `No function matches “${term}”.` : "The catalog is empty."}
          </p>
        ) : (
          groups.map((group) => (
            <section key={group.provider} aria-label={`Functions at ${group.provider}`}>
              <SectionTitle>{group.provider}</SectionTitle>
              {group.connections.map(({ connection, functions: list }) => {
                const key = `${group.provider}/${connection}`;
                const open = !collapsed.has(key);
                return (
                  <div key={key}>
                    <button
                      type="button"
                      onClick={() => toggle(key)}
                      aria-expanded={open}
                      className="flex w-full items-center gap-1 rounded px-2 py-1 text-left text-xs text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800/70"
                    >
                      <ChevronDown
                        className={`size-3 transition-transform ${open ? "" : "-rotate-90"}`}
                        aria-hidden
                      />
                      <span className="flex-1 truncate font-medium">{connection}</span>
                      <span className="tabular-nums text-zinc-400">{list.length}</span>
                    </button>
                    {open &&
                      list.map((fn) => (
                        <PaletteItem
                          key={fn.ref}
                          spec={{ kind: "function", ref: fn.ref, name: fn.name }}
                          title={fn.name}
                          subtitle={fn.description}
                          description={fn.description}
                          icon={<KindIcon kind="function" />}
                          onAdd={add}
                        />
                      ))}
                  </div>
                );
              })}
            </section>
          ))
        )}
      </div>
    </aside>
  );
}
