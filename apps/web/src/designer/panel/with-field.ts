/** A copy of `value` with `key` set, or removed when `field` is undefined (the format has no nulls for these). */
export const withField = <T extends object, K extends keyof T>(
  value: T,
  key: K,
  field: T[K] | undefined,
): T => {
  const copy = { ...value };
  if (field === undefined) delete copy[key];
  else copy[key] = field;
  return copy;
};
