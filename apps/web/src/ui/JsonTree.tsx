import { Check, Copy, Search } from "lucide-react";
import { useDeferredValue, useMemo, useState } from "react";
import { JsonNode } from "./JsonNode.tsx";
import { searchJson } from "./json-search.ts";

/** JSON as a collapsible tree with a search that opens and marks what it finds. */
export function JsonTree({
  value,
  label,
  empty = "Nothing yet",
}: {
  value: unknown;
  label: string;
  empty?: string;
}) {
  const [query, setQuery] = useState("");
  const [copied, setCopied] = useState(false);
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => searchJson(value, deferred), [value, deferred]);
  if (value === null || value === undefined) {
    return (
      <section aria-label={label} className="text-xs text-zinc-400 italic">
        {empty}
      </section>
    );
  }
  const copy = () => {
    void navigator.clipboard?.writeText(JSON.stringify(value, null, 2)).then(() => {
      setCopied(true);
      setTimeout(() => setCopied(false), 1200);
    });
  };
  return (
    <section
      aria-label={label}
      className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50/60 dark:border-zinc-800 dark:bg-zinc-950/40"
    >
      <div className="flex items-center gap-1.5 border-zinc-200 border-b px-2 py-1 dark:border-zinc-800">
        <Search className="size-3.5 text-zinc-400" aria-hidden />
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Search keys and values"
          aria-label={`Search ${label.toLowerCase()}`}
          className="min-w-0 flex-1 bg-transparent py-0.5 text-xs outline-none placeholder:text-zinc-400"
        />
        {deferred.trim() && (
          <span className="text-[11px] text-zinc-500 tabular-nums">
            {matches.hits.size} match{matches.hits.size === 1 ? "" : "es"}
          </span>
        )}
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${label.toLowerCase()}`}
          className="rounded p-0.5 text-zinc-400 hover:bg-zinc-200 hover:text-zinc-700 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
        >
          {copied ? <Check className="size-3.5" /> : <Copy className="size-3.5" />}
        </button>
      </div>
      <div className="max-h-80 overflow-auto px-1 py-1.5 font-mono text-xs leading-5">
        <JsonNode name={undefined} value={value} path="$" depth={0} matches={matches} />
      </div>
    </section>
  );
}
