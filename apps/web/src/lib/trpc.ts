import type { AppRouter } from "@baton/server";
import { QueryClient } from "@tanstack/react-query";
import {
  createTRPCClient,
  httpBatchStreamLink,
  httpSubscriptionLink,
  isTRPCClientError,
  splitLink,
} from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // input errors will not fix themselves; other failures get two more tries
        retry: (count, error) =>
          !(isTRPCClientError(error) && error.data?.httpStatus === 400) && count < 2,
      },
    },
  });

export const createClient = () =>
  createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: "/trpc" }),
        false: httpBatchStreamLink({ url: "/trpc" }),
      }),
    ],
  });

/** The message to show a person for a failed request. */
export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : "Something went wrong.";
