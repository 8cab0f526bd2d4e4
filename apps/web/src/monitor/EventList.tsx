import { useEffect, useRef, useState } from "react";
import { EventRow } from "./EventRow.tsx";
import type { TNameStep } from "./event-summary.ts";
import type { TRunEvent } from "./run-types.ts";

// About a panel's height of rows: while events stream in, each new row pushes every row
// below it down, and rows nobody has scrolled to would be laid out and painted again.
const ROWS_AT_ONCE = 40;

/**
 * Events newest first, each with its exact time; older rows are drawn as they scroll near.
 * Rows name their step when `named` (a list of one step's events need not).
 */
export function EventList({
  events,
  label,
  nameStep,
  named = true,
  limit = 200,
}: {
  events: readonly TRunEvent[];
  label: string;
  nameStep: TNameStep;
  named?: boolean;
  limit?: number;
}) {
  const [drawn, setDrawn] = useState(ROWS_AT_ONCE);
  const more = useRef<HTMLLIElement>(null);
  // every event gets its row drawn, even when more came in one frame than the window holds
  const renderedLength = useRef(events.length);
  useEffect(() => {
    renderedLength.current = events.length;
  }, [events.length]);
  const rows = Math.min(Math.max(drawn, events.length - renderedLength.current), limit);
  const hidden = Math.min(events.length, limit) - rows;
  const hasMore = hidden > 0;
  // observed again after each growth: a marker still in reach reports no new crossing
  useEffect(() => {
    const element = more.current;
    if (!element || !hasMore) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setDrawn(rows + ROWS_AT_ONCE);
      },
      { rootMargin: "200px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasMore, rows]);
  if (events.length === 0) return <p className="text-xs text-zinc-400 italic">No events yet</p>;
  const shown = events.slice(-rows).reverse();
  return (
    <ol aria-label={label} className="space-y-0.5 font-mono text-[11px] leading-5">
      {shown.map((e) => (
        <EventRow key={e.id} event={e} nameStep={named ? nameStep : undefined} kindOf={nameStep} />
      ))}
      {hasMore && (
        <li ref={more}>
          <button
            type="button"
            onClick={() => setDrawn(rows + ROWS_AT_ONCE)}
            className="text-zinc-400 hover:underline"
          >
            … {hidden} more
          </button>
        </li>
      )}
      {!hasMore && events.length > limit && (
        <li className="text-zinc-400">… {events.length - limit} earlier events</li>
      )}
    </ol>
  );
}
