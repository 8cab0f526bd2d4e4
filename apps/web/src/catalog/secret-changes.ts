/** What a person did to one credential in the form. */
export type TSecretEdit = { value: string; remove: boolean };

/**
 * The changes to send: typed values replace, removals clear, untouched credentials are
 * left out so the server keeps them (it never sends them back to show).
 */
export const secretChanges = (
  edits: Record<string, TSecretEdit>,
): Record<string, string | null> => {
  const changes: Record<string, string | null> = {};
  for (const [key, edit] of Object.entries(edits)) {
    if (edit.remove) changes[key] = null;
    else if (edit.value.trim() !== "") changes[key] = edit.value;
  }
  return changes;
};
