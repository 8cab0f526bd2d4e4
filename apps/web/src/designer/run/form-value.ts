export type TJson = string | number | boolean | null | TJson[] | { [key: string]: TJson };

/** A JSON object being filled in by a form. */
export type TFormValue = { [key: string]: TJson };

const isObject = (value: TJson | undefined): value is TFormValue =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Sets the value at a path, creating objects on the way; `undefined` removes the field, and
 * an object left empty by that is removed too, so optional groups stay out of the input.
 */
export const setAt = (
  value: TFormValue,
  path: readonly string[],
  field: TJson | undefined,
): TFormValue => {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const { [head]: current, ...others } = value;
  const next = rest.length === 0 ? field : setAt(isObject(current) ? current : {}, rest, field);
  const empty = next === undefined || (isObject(next) && Object.keys(next).length === 0);
  return empty ? others : { ...others, [head]: next };
};

export const getAt = (value: TFormValue, path: readonly string[]): TJson | undefined => {
  let current: TJson | undefined = value;
  for (const segment of path) {
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return current;
};
