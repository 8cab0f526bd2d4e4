import type { EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { CheckedEdge } from "./CheckedEdge.tsx";

/** The usual way on: the source's output feeds the target. */
export const NextEdge = memo(function NextEdge(props: EdgeProps) {
  return <CheckedEdge {...props} variant="next" />;
});
