import { type ReactFlowState, useStore } from "@xyflow/react";
import { DETAIL_ZOOM } from "./nodes/ZoomedOutContext.ts";

const zoomedOut = (state: ReactFlowState) => state.transform[2] < DETAIL_ZOOM;

/** The canvas's one subscription to the zoom: it changes only when crossing the threshold. */
export const useZoomedOutState = (): boolean => useStore(zoomedOut);
