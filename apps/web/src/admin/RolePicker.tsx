import type { TRole } from "@baton/model";
import { ROLE_HINTS } from "./roles.ts";

/** Role toggles: each pressed role is held (the last one stays); the hint says what it allows. */
export function RolePicker({
  roles,
  onChange,
  disabled = false,
  label,
}: {
  roles: readonly TRole[];
  onChange: (roles: TRole[]) => void;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <fieldset className="flex flex-wrap gap-1.5" aria-label={label ?? "Roles"}>
      {ROLE_HINTS.map(([role, hint]) => {
        const held = roles.includes(role);
        return (
          <button
            key={role}
            type="button"
            aria-pressed={held}
            title={hint}
            // everyone holds at least one role
            disabled={disabled || (held && roles.length === 1)}
            onClick={() => onChange(held ? roles.filter((r) => r !== role) : [...roles, role])}
            className={`rounded-full px-2.5 py-0.5 font-medium text-xs ring-1 ring-inset transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${
              held
                ? "bg-indigo-50 text-indigo-700 ring-indigo-600/30 dark:bg-indigo-500/15 dark:text-indigo-300 dark:ring-indigo-400/30"
                : "text-zinc-500 ring-zinc-300 hover:text-zinc-800 dark:text-zinc-400 dark:ring-zinc-700 dark:hover:text-zinc-100"
            }`}
          >
            {role}
          </button>
        );
      })}
    </fieldset>
  );
}
