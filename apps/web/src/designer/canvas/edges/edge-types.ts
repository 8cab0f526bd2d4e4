import type { EdgeTypes } from "@xyflow/react";
import { BranchEdge } from "./BranchEdge.tsx";
import { ErrorEdge } from "./ErrorEdge.tsx";
import { NextEdge } from "./NextEdge.tsx";

export const edgeTypes = {
  next: NextEdge,
  error: ErrorEdge,
  branch: BranchEdge,
} satisfies EdgeTypes;
