import type { TNewStep } from "../store/new-step.ts";

/** The drag-and-drop payload type between the palette and the canvas. */
export const STEP_MIME = "application/x-baton-step";

const CONTROL = new Set(["manual", "choice", "map", "wait", "subscenario", "end"]);

export const readStepDrag = (text: string): TNewStep | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null || !("kind" in value)) return undefined;
    const { kind } = value;
    if (kind === "function" && "ref" in value && "name" in value) {
      const { ref, name } = value;
      return typeof ref === "string" && typeof name === "string" ? { kind, ref, name } : undefined;
    }
    return typeof kind === "string" && CONTROL.has(kind) ? (value as TNewStep) : undefined;
  } catch {
    return undefined;
  }
};
