import { ShieldAlert } from "lucide-react";
import type { ReactNode } from "react";
import { useCan } from "../auth/use-session.ts";
import { EmptyState } from "../ui/States.tsx";

/** Admin pages show their content to admins only (the server refuses others anyway). */
export function AdminOnly({ children }: { children: ReactNode }) {
  if (useCan("administer")) return children;
  return (
    <div className="p-6">
      <EmptyState icon={ShieldAlert} title="For administrators">
        This page needs the admin role. Ask an administrator if you need it.
      </EmptyState>
    </div>
  );
}
