import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { AuthCard, AuthField } from "./AuthCard.tsx";

/** The first start: Baton has no users, so whoever opens it first creates the administrator. */
export function SetupPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const setup = useMutation(
    trpc.auth.setup.mutationOptions({ onSuccess: () => queryClient.resetQueries() }),
  );
  const submit = () => {
    setMismatch(password !== repeat);
    if (password === repeat) setup.mutate({ name, email, password });
  };
  return (
    <AuthCard
      title="Create the administrator"
      description="Baton has no accounts yet. The administrator adds everyone else and decides their roles."
      onSubmit={submit}
      error={
        mismatch ? "The two passwords differ." : setup.error ? errorMessage(setup.error) : undefined
      }
      submit={{
        label: "Create administrator",
        pendingLabel: "Creating…",
        pending: setup.isPending,
      }}
    >
      <AuthField
        label="Name"
        autoComplete="name"
        autoFocus
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <AuthField
        label="Email"
        type="email"
        autoComplete="username"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      <AuthField
        label="Password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        hint="At least 10 characters."
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <AuthField
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
      />
    </AuthCard>
  );
}
