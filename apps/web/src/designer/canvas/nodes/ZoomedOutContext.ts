import { createContext } from "react";

/** Below this zoom a node's fields cannot be read, so nodes draw only their name. */
export const DETAIL_ZOOM = 0.5;

export const ZoomedOutContext = createContext(false);
