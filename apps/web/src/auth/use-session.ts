import { hasPermission, type TPermission } from "@baton/model";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** Who is signed in (the gate renders pages only when someone is). */
export const useSession = () => {
  const trpc = useTRPC();
  return useQuery(trpc.auth.state.queryOptions()).data?.user ?? null;
};

/**
 * Whether the signed-in person may do something: what they may not do is not shown. The
 * server checks again on every call.
 */
export const useCan = (permission: TPermission): boolean => {
  const user = useSession();
  return user ? hasPermission(user.roles, permission) : false;
};
