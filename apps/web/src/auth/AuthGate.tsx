import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "../lib/trpc.ts";
import { ErrorNotice } from "../ui/States.tsx";
import { LoginPage } from "./LoginPage.tsx";
import { SetupPage } from "./SetupPage.tsx";

/** Nothing of the app shows until someone is signed in; an empty Baton asks for its admin. */
export function AuthGate({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const state = useQuery(trpc.auth.state.queryOptions());
  if (state.error) {
    return (
      <div className="mx-auto max-w-lg p-10">
        <ErrorNotice error={state.error} retry={() => state.refetch()} />
      </div>
    );
  }
  if (!state.data) return null;
  if (state.data.needsSetup) return <SetupPage />;
  if (!state.data.user) return <LoginPage />;
  return children;
}
