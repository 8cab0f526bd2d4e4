import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { AuthCard, AuthField } from "./AuthCard.tsx";

/** Shown at any address while nobody is signed in; after signing in that page opens. */
export function LoginPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => queryClient.resetQueries(),
    }),
  );
  return (
    <AuthCard
      title="Sign in"
      description="Use the account an administrator made for you."
      onSubmit={() => login.mutate({ email, password })}
      error={login.error ? errorMessage(login.error) : undefined}
      submit={{ label: "Sign in", pendingLabel: "Signing in…", pending: login.isPending }}
    >
      <AuthField
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <AuthField
        label="Password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
    </AuthCard>
  );
}
