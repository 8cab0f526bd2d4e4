import { useReactFlow, useStore } from "@xyflow/react";
import { useEffect, useRef } from "react";
import { useDesigner } from "../use-designer.ts";
import { revealViewport } from "./reveal-viewport.ts";

// Frames to wait for a step that just appeared to be measured.
const MEASURE_FRAMES = 30;

const onlySelected = (nodes: readonly { id: string; selected?: boolean }[]) => {
  let found: string | undefined;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found) return undefined;
    found = node.id;
  }
  return found;
};

/**
 * Keeps the one selected step in view: the inspector opening beside it narrows the canvas,
 * which would otherwise leave a step dropped near the right edge hidden behind it. Waits
 * for the pointer to be released, so a drag is never panned under the hand.
 */
export const useRevealSelection = (): void => {
  const selected = useDesigner((s) => onlySelected(s.nodes));
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { getInternalNode, getViewport, setViewport } = useReactFlow();
  const pressed = useRef(false);
  useEffect(() => {
    const down = () => {
      pressed.current = true;
    };
    const up = () => {
      pressed.current = false;
    };
    window.addEventListener("pointerdown", down, true);
    window.addEventListener("pointerup", up, true);
    // a drag and drop from the palette takes the pointer over: it ends without a pointerup
    window.addEventListener("pointercancel", up, true);
    return () => {
      window.removeEventListener("pointerdown", down, true);
      window.removeEventListener("pointerup", up, true);
      window.removeEventListener("pointercancel", up, true);
    };
  }, []);
  useEffect(() => {
    if (!selected || width === 0 || height === 0) return;
    let frame = 0;
    const reveal = (framesLeft: number) => {
      const node = getInternalNode(selected);
      if (!node?.measured.width || !node.measured.height) {
        if (framesLeft > 0) frame = requestAnimationFrame(() => reveal(framesLeft - 1));
        return;
      }
      const box = {
        ...node.internals.positionAbsolute,
        width: node.measured.width,
        height: node.measured.height,
      };
      const next = revealViewport(box, getViewport(), { width, height });
      if (next) void setViewport(next, { duration: 200 });
    };
    if (!pressed.current) {
      reveal(MEASURE_FRAMES);
      return () => cancelAnimationFrame(frame);
    }
    const afterRelease = () => {
      frame = requestAnimationFrame(() => reveal(MEASURE_FRAMES));
    };
    window.addEventListener("pointerup", afterRelease, { once: true });
    return () => {
      window.removeEventListener("pointerup", afterRelease);
      cancelAnimationFrame(frame);
    };
  }, [selected, width, height, getInternalNode, getViewport, setViewport]);
};
