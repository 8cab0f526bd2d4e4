import type { useStoreApi } from "@xyflow/react";
import { XYHandle } from "@xyflow/system";
import type { MouseEvent } from "react";

type TFlowStore = ReturnType<typeof useStoreApi>;

/**
 * Starts drawing an edge from a compact node's anchor, as React Flow's `Handle` does on a
 * mouse down. The anchors are plain markup (a `Handle` is one store subscription each, and
 * 500 nodes have over a thousand), so this reads React Flow's store only when used.
 */
export const startConnection = (
  event: MouseEvent<HTMLElement>,
  store: TFlowStore,
  anchor: { nodeId: string; handleId: string; isTarget: boolean },
): void => {
  const state = store.getState();
  if (!state.nodesConnectable || event.button !== 0) return;
  XYHandle.onPointerDown(event.nativeEvent, {
    handleDomNode: event.currentTarget,
    autoPanOnConnect: state.autoPanOnConnect,
    connectionMode: state.connectionMode,
    connectionRadius: state.connectionRadius,
    domNode: state.domNode,
    nodeLookup: state.nodeLookup,
    lib: state.lib,
    isTarget: anchor.isTarget,
    handleId: anchor.handleId,
    nodeId: anchor.nodeId,
    flowId: state.rfId,
    panBy: state.panBy,
    cancelConnection: state.cancelConnection,
    onConnectStart: state.onConnectStart,
    onConnectEnd: (...args) => store.getState().onConnectEnd?.(...args),
    updateConnection: state.updateConnection,
    onConnect: (connection) => store.getState().onConnect?.(connection),
    isValidConnection: (connection) => store.getState().isValidConnection?.(connection) ?? true,
    getTransform: () => store.getState().transform,
    getFromHandle: () => store.getState().connection.fromHandle,
    autoPanSpeed: state.autoPanSpeed,
    dragThreshold: state.connectionDragThreshold,
  });
};
