import { ChevronRight } from "lucide-react";
import { useState } from "react";
import { childPath, summarize, type TJsonMatches } from "./json-search.ts";

const valueClass = (value: unknown): string =>
  value === null
    ? "text-zinc-400"
    : typeof value === "string"
      ? "text-emerald-700 dark:text-emerald-400"
      : typeof value === "number"
        ? "text-sky-700 dark:text-sky-400"
        : "text-violet-700 dark:text-violet-400";

const MARK = "rounded-sm bg-amber-200/80 text-zinc-900 dark:bg-amber-500/40 dark:text-zinc-50";

/** One key and its value; containers open and close, and open by themselves on a search hit. */
export function JsonNode({
  name,
  value,
  path,
  depth,
  matches,
}: {
  name: string | number | undefined;
  value: unknown;
  path: string;
  depth: number;
  matches: TJsonMatches;
}) {
  const [open, setOpen] = useState(depth < 2);
  const isContainer = value !== null && typeof value === "object";
  const hit = matches.hits.has(path);
  const label =
    name === undefined ? null : (
      <span className={`text-zinc-600 dark:text-zinc-300 ${hit ? MARK : ""}`}>
        {typeof name === "number" ? name : `"${name}"`}
        <span className="text-zinc-400">: </span>
      </span>
    );
  if (!isContainer) {
    return (
      <div className="whitespace-pre-wrap break-all pl-4" data-path={path}>
        {label}
        <span className={`${valueClass(value)} ${hit && name === undefined ? MARK : ""}`}>
          {JSON.stringify(value)}
        </span>
      </div>
    );
  }
  const expanded = open || matches.open.has(path);
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  const [opening, closing] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return (
    <div data-path={path}>
      <button
        type="button"
        onClick={() => setOpen(!expanded)}
        aria-expanded={expanded}
        className="flex items-center rounded-sm text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <ChevronRight
          className={`size-3.5 shrink-0 text-zinc-400 transition-transform ${expanded ? "rotate-90" : ""}`}
          aria-hidden
        />
        {label}
        <span className="text-zinc-400">
          {expanded ? opening : `${opening}…${closing}`}
          {!expanded && <span className="ml-1.5 text-[11px]">{summarize(value)}</span>}
        </span>
      </button>
      {expanded && (
        <>
          <div className="ml-1.5 border-zinc-200 border-l pl-1 dark:border-zinc-800">
            {entries.map(([key, child]) => (
              <JsonNode
                key={key}
                name={key}
                value={child}
                path={childPath(path, key)}
                depth={depth + 1}
                matches={matches}
              />
            ))}
          </div>
          <div className="pl-4 text-zinc-400">{closing}</div>
        </>
      )}
    </div>
  );
}
