import { useUpdateNodeInternals } from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { TStep } from "../canvas-types.ts";
import { compactHandles } from "./compact-handles.ts";

/**
 * React Flow reads a node's handles when it measures the node, which it does again only
 * when the node's size changes. Renaming a choice's branch renames its handle at the same
 * size, so the new handle would be unknown (no edge could start from it, and the edge moved
 * to it would not be drawn) until the page is reloaded: read the handles again when their ids change.
 */
export const useRemeasureOnNewHandles = (id: string, step: TStep): void => {
  const updateNodeInternals = useUpdateNodeInternals();
  const handles = compactHandles(step)
    .outputs.map((h) => h.id)
    .join("\n");
  const previous = useRef(handles);
  useEffect(() => {
    if (previous.current === handles) return;
    previous.current = handles;
    updateNodeInternals(id);
  }, [id, handles, updateNodeInternals]);
};
