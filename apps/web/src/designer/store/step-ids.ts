import { NODE_ID_PATTERN } from "@baton/model";

/**
 * A readable node id from a name ("CreateUser" → "createUser", "Send e-mail" → "sendEMail"):
 * ids appear in references (steps.<id>.output), so they should read well.
 */
export const stepIdBase = (name: string): string => {
  const words = name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word, i) =>
      i === 0 ? word[0]!.toLowerCase() + word.slice(1) : word[0]!.toUpperCase() + word.slice(1),
    );
  const id = words.join("");
  return NODE_ID_PATTERN.test(id) ? id : `step${id}`;
};

/** `base`, or `base2`, `base3`… whichever is free. */
export const uniqueStepId = (base: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
};

/** "CreateUser" → "Create user", "validate_email" → "Validate email". */
export const humanize = (name: string): string => {
  const spaced = name
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim()
    .toLowerCase();
  return spaced ? spaced[0]!.toUpperCase() + spaced.slice(1) : name;
};
