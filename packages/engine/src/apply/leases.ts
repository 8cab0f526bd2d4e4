import type { TEngineContext } from "../context.ts";
import type { TSql } from "../store/sql.ts";
import type { TVersion } from "../versions.ts";

/** Slack on top of a call's deadline before its job's lease runs out. */
const LEASE_MARGIN_S = 10;

/**
 * How long a worker may hold a node's job before the queue assumes it died and hands the
 * job to another: the call's deadline plus a margin, so a slow call is never run twice
 * while its first worker is alive, and a crashed worker's step comes back soon.
 */
export const leaseSeconds = async (
  ctx: TEngineContext,
  tx: TSql | undefined,
  version: TVersion,
  nodeId: string,
) => {
  const node = version.node(nodeId);
  if (node.kind !== "function" || !node.function) return LEASE_MARGIN_S * 3;
  const hinted =
    node.timeoutMs ??
    (await ctx.fn(node.function, tx).then(
      (f) => f.fn.costHints?.timeoutMs,
      () => undefined,
    ));
  return Math.ceil((hinted ?? ctx.defaultTimeoutMs) / 1000) + LEASE_MARGIN_S;
};
