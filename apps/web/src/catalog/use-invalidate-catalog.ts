import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "../lib/trpc.ts";

/** After a catalog change: everything that shows the catalog loads it again (counts and the designer's too). */
export const useInvalidateCatalog = () => {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.system.overview.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.scenarios.catalog.queryKey() }),
    ]);
};
