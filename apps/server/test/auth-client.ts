import type { Role } from "@baton/db";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import type { TRunningServer } from "../src/app.ts";
import type { AppRouter } from "../src/index.ts";
import { createUser } from "../src/users/create-user.ts";

export type TClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export const PASSWORD = "correct horse battery staple";

/** A tRPC client (queries, mutations, SSE subscriptions) that sends this Cookie header. */
export const clientWithCookie = (url: string, cookie: string | undefined): TClient => {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url: `${url}/trpc`,
          EventSource,
          eventSourceOptions: {
            fetch: (input, init) =>
              fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
          },
        }),
        // as the web app does: the server takes at most BATON_MAX_BATCH (at least 10) at once
        false: httpBatchLink({ url: `${url}/trpc`, headers, maxItems: 10 }),
      }),
    ],
  });
};

/** Signs in over HTTP as a browser would and returns the session cookie ("name=value"). */
export const signIn = async (url: string, email: string, password = PASSWORD): Promise<string> => {
  const response = await fetch(`${url}/trpc/auth.login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie()[0]!.split(";")[0]!;
};

let people = 0;

/** A new user with these roles, signed in: their client, cookie and account. */
export const signedInAs = async (server: TRunningServer, roles: Role[]) => {
  const email = `${roles.join("-") || "nobody"}.${++people}.${Date.now()}@example.com`;
  const user = await createUser(server.services.db.prisma, {
    email,
    name: `${roles.join(" ")} ${people}`,
    roles,
    password: PASSWORD,
  });
  const cookie = await signIn(server.url, email);
  return { client: clientWithCookie(server.url, cookie), cookie, user };
};
