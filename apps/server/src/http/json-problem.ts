type TVisit = { value: unknown; depth: number; parent: TVisit | undefined; key: string | number };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

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
 * a NUL character (PostgreSQL's text and jsonb cannot hold one), or arrays and objects nested
 * deeper than `maxDepth` (validation and serialisation recurse, and would overflow the
 * stack). It walks with a stack of its own, so any depth is safe to check. `root` names the
 * value in the answer, e.g. "input".
 */
export const jsonProblem = (value: unknown, maxDepth: number, root: string): string | undefined => {
  const pending: TVisit[] = [{ value, depth: 0, parent: undefined, key: root }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value: current, depth } = visit;
    if (typeof current === "string") {
      if (current.includes("\u0000")) {
        return `${pathOf(visit)} contains a NUL character (\\u0000), which Baton cannot store: remove it.`;
      }
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
      if (key.includes("\u0000")) {
        return `${pathOf(child)} has a NUL character (\\u0000) in its name, which Baton cannot store: remove it.`;
      }
      pending.push(child);
    }
  }
  return undefined;
};
