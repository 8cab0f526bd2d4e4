import type { ReactNode } from "react";
import { LABEL } from "./fields.ts";

/** A catalog form's control under its label; `required` marks the label with an asterisk. */
export function Field({
  id,
  label,
  required = false,
  children,
}: {
  /** the control's id, which the label points at */
  id: string;
  label: string;
  required?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={LABEL}>
        {label}
        {required && (
          <span className="ml-0.5 text-red-500" aria-hidden>
            *
          </span>
        )}
      </label>
      {children}
    </div>
  );
}
