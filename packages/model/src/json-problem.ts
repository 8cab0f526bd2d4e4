type TVisit = { value: unknown; depth: number; parent: TVisit | undefined; key: string | number };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
// with the u flag a surrogate pair is one code point, so this finds only halves of pairs
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Why a string cannot be stored as text, if it cannot. */
const textProblem = (text: string): string | undefined => {
  if (text.includes("\u0000")) return "a NUL character (\\u0000), which Baton cannot store";
  if (LONE_SURROGATE.test(text)) {
    return "half of a UTF-16 surrogate pair (\\ud800–\\udfff), which is not Unicode text";
  }
  return undefined;
};

const segment = (key: string | number) =>
  typeof key === "number"
    ? `[${key}]`
    : IDENTIFIER.test(key)
      ? `.${key}`
      : `[${JSON.stringify(key)}]`;

const pathOf = (visit: TVisit): string => {
  const keys: (string | number)[] = [];
  let at = visit;
  for (; at.parent; at = at.parent) keys.push(at.key);
  const path = String(at.key) + keys.reverse().map(segment).join("");
  // a path as deep as the limit is long; its start says where to look
  return path.length > 120 ? `${path.slice(0, 120)}…` : path;
};

/**
 * Why a parsed JSON value may not go further, or undefined when it may: a string or key with
 * a NUL character or half a surrogate pair (PostgreSQL's text and jsonb hold neither; JSON
 * can escape both), a key named __proto__, or arrays and objects nested
 * deeper than `maxDepth` (validation and serialisation recurse, and would overflow the
 * stack). It walks with a stack of its own, so any depth is safe to check. `root` names the
 * value in the answer, e.g. "input".
 */
export const jsonProblem = (value: unknown, maxDepth: number, root: string): string | undefined => {
  const pending: TVisit[] = [{ value, depth: 0, parent: undefined, key: root }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value: current, depth } = visit;
    if (typeof current === "string") {
      const problem = textProblem(current);
      if (problem) return `${pathOf(visit)} contains ${problem}: remove it.`;
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (depth >= maxDepth) {
      return `${root} nests arrays and objects more than ${maxDepth} levels deep (at ${pathOf(visit)}): flatten it, or raise BATON_MAX_JSON_DEPTH on the server.`;
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => {
        pending.push({ value: item, depth: depth + 1, parent: visit, key: index });
      });
      continue;
    }
    for (const [key, item] of Object.entries(current)) {
      const child = { value: item, depth: depth + 1, parent: visit, key };
      const problem = textProblem(key);
      if (problem) return `${pathOf(child)} has ${problem}, in its name: remove it.`;
      // copying such an object (as validation does) sets its prototype instead of a key
      if (key === "__proto__") {
        return `${pathOf(child)} is named __proto__, which JavaScript gives a meaning of its own: rename it.`;
      }
      pending.push(child);
    }
  }
  return undefined;
};
