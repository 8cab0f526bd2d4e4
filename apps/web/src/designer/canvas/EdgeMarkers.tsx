/** Arrowheads in each edge colour; React Flow's built-in markers cannot follow CSS variables. */
export const MARKERS = ["next", "error", "branch", "bad", "warn"] as const;

export const markerUrl = (tone: (typeof MARKERS)[number]): string => `url(#baton-arrow-${tone})`;

export function EdgeMarkers() {
  return (
    <svg className="absolute size-0" aria-hidden>
      <defs>
        {MARKERS.map((tone) => (
          <marker
            key={tone}
            id={`baton-arrow-${tone}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M 0 1 L 9 5 L 0 9 z" style={{ fill: `var(--edge-${tone})` }} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}
