import { parseReference } from "@baton/model";
import { type KeyboardEvent, useId, useMemo, useState } from "react";
import { monoInputClass } from "./form-styles.ts";
import { matchCandidates, type TCandidate } from "./reference-candidates.ts";

/**
 * A reference typed with autocomplete from what the step can read. Only whole references
 * reach the draft, so half-typed text never makes it unsaveable; on leaving the field,
 * text that is not a reference says so.
 */
export function ReferenceInput({
  value,
  candidates,
  onChange,
  label,
  invalid,
}: {
  value: string;
  candidates: readonly TCandidate[];
  onChange: (value: string) => void;
  label: string;
  invalid?: boolean;
}) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState<string>();
  const [left, setLeft] = useState(false);
  const text = typed ?? value;
  const wellFormed = text === "" || parseReference(text) !== undefined;
  const matches = useMemo(() => matchCandidates(candidates, text), [candidates, text]);
  const commit = (next: string) => {
    setTyped(next);
    if (next === "" || parseReference(next) !== undefined) onChange(next);
  };
  const choose = (candidate: TCandidate | undefined) => {
    if (!candidate) return;
    commit(candidate.ref);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, matches.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  };
  return (
    <div className="relative">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded={open && matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-invalid={invalid || (left && !wellFormed)}
        value={text}
        placeholder="steps.<step>.output.<field> or input.<field>"
        onChange={(e) => {
          commit(e.target.value);
          setLeft(false);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          setOpen(false);
          setLeft(true);
        }}
        onKeyDown={onKeyDown}
        spellCheck={false}
        className={`${monoInputClass} ${invalid || (left && !wellFormed) ? "border-red-400 dark:border-red-500/70" : ""}`}
      />
      {left && !wellFormed && (
        <p className="mt-1 text-[11px] text-red-600 dark:text-red-400">
          Not a reference yet: write input.&lt;field&gt; or steps.&lt;step&gt;.output.&lt;field&gt;.
        </p>
      )}
      {open && matches.length > 0 && (
        <div
          id={listId}
          role="listbox"
          aria-label={`${label} suggestions`}
          className="absolute top-full right-0 left-0 z-20 mt-1 max-h-56 overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {matches.map((c, i) => (
            <div
              key={c.ref}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first
              onMouseDown={(e) => {
                e.preventDefault();
                choose(c);
              }}
              className={`flex cursor-pointer items-baseline gap-2 px-2 py-1 ${i === active ? "bg-indigo-50 dark:bg-indigo-500/15" : ""}`}
            >
              <span className="min-w-0 flex-1 truncate font-mono text-[11px] text-zinc-800 dark:text-zinc-200">
                {c.ref}
              </span>
              <span className="shrink-0 text-[10px] text-zinc-500">{c.type}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
