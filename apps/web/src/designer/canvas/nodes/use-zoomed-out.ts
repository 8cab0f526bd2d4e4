import { useContext } from "react";
import { ZoomedOutContext } from "./ZoomedOutContext.ts";

/**
 * True while the canvas is zoomed out too far to read a node's details. Read from a
 * context the canvas provides, so 500 nodes do not each subscribe to every viewport change.
 */
export const useZoomedOut = (): boolean => useContext(ZoomedOutContext);
