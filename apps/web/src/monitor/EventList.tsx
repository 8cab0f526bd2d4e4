import { EventRow } from "./EventRow.tsx";
import type { TRunEvent } from "./run-types.ts";

/** Events newest first, each with its exact time. */
export function EventList({
  events,
  label,
  limit = 200,
}: {
  events: readonly TRunEvent[];
  label: string;
  limit?: number;
}) {
  if (events.length === 0) return <p className="text-xs text-zinc-400 italic">No events yet</p>;
  const shown = events.slice(-limit).reverse();
  return (
    <ol aria-label={label} className="space-y-0.5 font-mono text-[11px] leading-5">
      {shown.map((e) => (
        <EventRow key={e.id} event={e} />
      ))}
      {events.length > limit && (
        <li className="text-zinc-400">… {events.length - limit} earlier events</li>
      )}
    </ol>
  );
}
