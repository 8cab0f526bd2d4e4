import type { EdgeProps } from "@xyflow/react";
import { memo } from "react";
import { CheckedEdge } from "./CheckedEdge.tsx";

/** Taken when the source failed for good: dashed and red, so it reads as the unhappy path. */
export const ErrorEdge = memo(function ErrorEdge(props: EdgeProps) {
  return <CheckedEdge {...props} variant="error" caption="on error" />;
});
