import { type ReactNode, useEffect, useId, useRef } from "react";
import { BUTTON } from "./buttons.ts";

/**
 * A modal dialog on the native element: focus trap, Escape and the backdrop come with it.
 * Its footer holds a button that closes it, then `actions`.
 */
export function Dialog({
  title,
  onClose,
  children,
  actions,
  cancelLabel = "Cancel",
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  actions: ReactNode;
  cancelLabel?: string;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto w-full ${wide ? "max-w-2xl" : "max-w-md"} rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-2xl backdrop:bg-zinc-950/40 backdrop:backdrop-blur-[1px] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100`}
    >
      <div className="border-zinc-200 border-b px-5 py-3.5 dark:border-zinc-800">
        <h2 id={titleId} className="font-semibold text-base">
          {title}
        </h2>
      </div>
      <div className="space-y-3 px-5 py-4">{children}</div>
      <div className="flex items-center justify-end gap-2 border-zinc-200 border-t bg-zinc-50 px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">
        <button type="button" className={BUTTON.secondary} onClick={onClose}>
          {cancelLabel}
        </button>
        {actions}
      </div>
    </dialog>
  );
}
