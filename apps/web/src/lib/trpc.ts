import type { AppRouter } from "@baton/server";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

// input errors and refusals will not fix themselves by asking again
const FINAL_STATUSES = new Set([400, 401, 403]);

export const createQueryClient = () => {
  // A session that ended (expired, signed out elsewhere) shows the sign-in page again.
  const onError = (error: unknown) => {
    if (isTRPCClientError(error) && error.data?.code === "UNAUTHORIZED") {
      void queryClient.invalidateQueries({ queryKey: [["auth", "state"]] });
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        retry: (count, error) =>
          !(isTRPCClientError(error) && FINAL_STATUSES.has(error.data?.httpStatus ?? 0)) &&
          count < 2,
      },
    },
  });
  return queryClient;
};

// the server refuses batches above BATON_MAX_BATCH, which is at least this
const WEB_BATCH_ITEMS = 10;

export const createClient = () =>
  createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/trpc" }),
        false: splitLink({
          // signing in and out sets a cookie, which a streamed answer has sent its headers before
          condition: (op) => op.path.startsWith("auth."),
          true: httpLink({ url: "/trpc" }),
          false: httpBatchStreamLink({ url: "/trpc", maxItems: WEB_BATCH_ITEMS }),
        }),
      }),
    ],
  });

/** The message to show a person for a failed request. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : "Something went wrong.";
