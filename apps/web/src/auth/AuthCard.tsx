import type { FormEvent, InputHTMLAttributes, ReactNode } from "react";

const AUTH_SUBMIT =
  "w-full rounded-md bg-indigo-600 px-3 py-2 font-medium text-white shadow-xs hover:bg-indigo-500 disabled:cursor-not-allowed disabled:opacity-60";

const AUTH_INPUT =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 outline-none placeholder:text-zinc-400 focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

const AUTH_LABEL = "block font-medium text-[13px] text-zinc-700 dark:text-zinc-300";

/** The frame of the sign-in and first-start pages: the logo, a title and a form card. */
export function AuthCard({
  title,
  description,
  onSubmit,
  error,
  children,
  submit,
}: {
  title: string;
  description: string;
  onSubmit: () => void;
  error: string | undefined;
  children: ReactNode;
  /** the button's label, and the one it shows while the form is being sent */
  submit: { label: string; pendingLabel: string; pending: boolean };
}) {
  const handle = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2">
          <img src="/baton.svg" alt="" className="size-8" />
          <span className="font-semibold text-xl tracking-tight">Baton</span>
        </div>
        <form
          onSubmit={handle}
          className="space-y-4 rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div>
            <h1 className="font-semibold text-lg tracking-tight">{title}</h1>
            <p className="mt-1 text-zinc-500 dark:text-zinc-400">{description}</p>
          </div>
          {children}
          {error && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-sm dark:bg-red-950/50 dark:text-red-300"
            >
              {error}
            </p>
          )}
          <button type="submit" className={AUTH_SUBMIT} disabled={submit.pending}>
            {submit.pending ? submit.pendingLabel : submit.label}
          </button>
        </form>
      </div>
    </main>
  );
}

export function AuthField({
  label,
  hint,
  ...input
}: {
  label: string;
  hint?: string;
} & InputHTMLAttributes<HTMLInputElement>) {
  const id = `auth-${label.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className={AUTH_LABEL}>
        {label}
      </label>
      <input id={id} className={AUTH_INPUT} required {...input} />
      {hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>}
    </div>
  );
}
