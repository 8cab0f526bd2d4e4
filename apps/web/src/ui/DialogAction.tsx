import type { ReactNode } from "react";
import { BUTTON } from "./buttons.ts";

/** The action runs on click, or submits the dialog's form by its id. */
type TTrigger = { onClick: () => void; form?: never } | { form: string; onClick?: never };

/** A dialog's action: disabled while it runs, and saying `pendingLabel` then. */
export function DialogAction({
  label,
  pendingLabel,
  pending,
  disabled = false,
  tone = "primary",
  icon,
  ...trigger
}: {
  label: string;
  pendingLabel: string;
  pending: boolean;
  disabled?: boolean;
  tone?: "primary" | "danger";
  icon?: ReactNode;
} & TTrigger) {
  return (
    <button
      type={trigger.form ? "submit" : "button"}
      form={trigger.form}
      className={BUTTON[tone]}
      disabled={pending || disabled}
      onClick={trigger.onClick}
    >
      {icon}
      {pending ? pendingLabel : label}
    </button>
  );
}
