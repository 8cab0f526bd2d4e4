import type { TSecretEdit } from "./secret-changes.ts";
import type { TProviderForm } from "./types.ts";

type TField = TProviderForm["fields"][number];

// the server compares parsed settings: a list in another order or spacing is the same list
const normalized = (field: TField, text = "") =>
  field.type === "list"
    ? text
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean)
        .sort()
        .join(",")
    : text.trim();

/**
 * When a person changes a setting that decides where credentials go (an endpoint, a
 * gateway…), the stored credentials they must type again or remove before the server
 * sends them there. `moved` names the changed settings; nothing moved, nothing to enter.
 */
export const credentialsToReenter = (
  form: TProviderForm,
  stored: Record<string, string>,
  current: Record<string, string>,
  setKeys: string[],
  edits: Record<string, TSecretEdit>,
): { moved: string[]; keys: string[] } => {
  const moved = form.fields
    .filter((field) => field.destination)
    .filter(
      (field) => normalized(field, stored[field.key]) !== normalized(field, current[field.key]),
    )
    .map((field) => field.label);
  if (moved.length === 0) return { moved, keys: [] };
  const given = (key: string) => edits[key]?.remove || (edits[key]?.value.trim() ?? "") !== "";
  return { moved, keys: setKeys.filter((key) => !given(key)) };
};
