import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes } from "react";

const variants = {
  primary:
    "bg-indigo-600 text-white shadow-sm hover:bg-indigo-500 disabled:bg-indigo-600/50 dark:bg-indigo-500 dark:hover:bg-indigo-400",
  secondary:
    "border border-zinc-300 bg-white text-zinc-700 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800",
  ghost:
    "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
  danger: "text-red-600 hover:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/50",
};

/**
 * A button with an optional icon. In a header marked `@container/header` that is narrow, a
 * ghost button with an icon shows the icon alone (its name stays its label and tooltip), so
 * the header keeps to one line.
 */
export function Button({
  variant = "secondary",
  icon: Icon,
  children,
  className = "",
  title,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: keyof typeof variants;
  icon?: LucideIcon;
}) {
  const folds = variant === "ghost" && Icon !== undefined;
  return (
    <button
      type="button"
      title={title ?? (folds && typeof children === "string" ? children : undefined)}
      {...props}
      className={`inline-flex h-7 items-center gap-1.5 whitespace-nowrap rounded-md px-2.5 font-medium text-[13px] transition-colors disabled:cursor-not-allowed disabled:opacity-50 ${variants[variant]} ${className}`}
    >
      {Icon && <Icon className="size-3.5 shrink-0" aria-hidden />}
      {folds ? <span className="@max-6xl/header:sr-only">{children}</span> : children}
    </button>
  );
}
