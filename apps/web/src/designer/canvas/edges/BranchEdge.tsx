import type { Edge, EdgeProps } from "@xyflow/react";
import { memo } from "react";
import type { TBranchData } from "../canvas-types.ts";
import { CheckedEdge } from "./CheckedEdge.tsx";

/** One of a choice's branches, labelled with its name. */
export const BranchEdge = memo(function BranchEdge(props: EdgeProps<Edge<TBranchData, "branch">>) {
  return <CheckedEdge {...props} variant="branch" caption={props.data?.branch} />;
});
