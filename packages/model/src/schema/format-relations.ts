/**
 * How two string formats relate, as ajv-formats ("full" mode) checks them: one implies the
 * other, they exclude each other (no string has both), or Baton does not know. Formats
 * overlap more than their names suggest ("10.0.0.1" is an ipv4 and a hostname,
 * "2024-02-29" a date and a hostname, "urn:uuid:…" a uuid and a uri, "fe80::1" an ipv6
 * and a uri), so exclusion is derived from what every string of a format must look like,
 * never from the names.
 */

/** Pairs where every string valid for the first format is valid for the second. */
const IMPLIED: Readonly<Record<string, readonly string[]>> = {
  // Same checks; the iso- variants only make the time zone optional.
  time: ["iso-time"],
  "date-time": ["iso-date-time"],
  // ajv-formats' uri-reference is its uri pattern with the scheme and the rest made optional.
  uri: ["uri-reference"],
};

/** What every string of a format looks like; each fact must hold for every valid string. */
type TShape = {
  /** The characters every string is made of, when that set is small. */
  readonly alphabet?: string;
  /** Characters every string contains. */
  readonly required?: string;
  /** The characters each leading position can hold. */
  readonly prefix?: readonly string[];
  readonly minLength: number;
  readonly maxLength?: number;
};

const DIGITS = "0123456789";
const HEX = `${DIGITS}abcdefABCDEF`;
const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
// What `\s` matches in JavaScript: date-time splits date and time on it (or on "t").
const SPACES =
  " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff";

/** Leading positions from a template: each character stands for itself or for a class. */
const positions = (template: string, classes: Readonly<Record<string, string>>): string[] =>
  [...template].map((char) => classes[char] ?? char);

/** Position-wise union of templates, for formats with more than one form. */
const union = (...forms: readonly (readonly string[])[]): string[] => {
  const length = Math.min(...forms.map((form) => form.length));
  return Array.from({ length }, (_, i) => forms.map((form) => form[i]).join(""));
};

const DATE = positions("dddd-dd-dd", { d: DIGITS });
const TIME = positions("dd:dd:dd", { d: DIGITS });
const TIME_CHARS = `${DIGITS}:.zZ+-`;
const DATE_TIME = [...DATE, `tT${SPACES}`, ...TIME];
const UUID = positions("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx", { x: HEX });
const URN_UUID = positions("urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxx", {
  x: HEX,
  u: "uU",
  r: "rR",
  n: "nN",
  i: "iI",
  d: "dD",
});

const SHAPES: Readonly<Record<string, TShape>> = {
  date: { alphabet: `${DIGITS}-`, required: "-", prefix: DATE, minLength: 10, maxLength: 10 },
  time: { alphabet: TIME_CHARS, required: ":", prefix: TIME, minLength: 9 },
  "iso-time": { alphabet: TIME_CHARS, required: ":", prefix: TIME, minLength: 8 },
  "date-time": {
    alphabet: `${TIME_CHARS}tT${SPACES}`,
    required: "-:",
    prefix: DATE_TIME,
    minLength: 20,
  },
  "iso-date-time": {
    alphabet: `${TIME_CHARS}tT${SPACES}`,
    required: "-:",
    prefix: DATE_TIME,
    minLength: 19,
  },
  duration: { alphabet: `${DIGITS}PYMWDTHS`, required: "P", prefix: ["P"], minLength: 2 },
  // A scheme (a letter, then letters, digits, "+", "-" or ".") and a colon.
  uri: { required: ":", prefix: [LETTERS], minLength: 2 },
  email: { alphabet: `${LETTERS}${DIGITS}!#$%&'*+/=?^_\`{|}~-.@`, required: "@.", minLength: 5 },
  hostname: {
    alphabet: `${LETTERS}${DIGITS}-.`,
    prefix: [LETTERS + DIGITS],
    minLength: 1,
    maxLength: 254,
  },
  ipv4: { alphabet: `${DIGITS}.`, required: ".", prefix: [DIGITS], minLength: 7, maxLength: 15 },
  ipv6: { alphabet: `${HEX}:.`, required: ":", minLength: 2, maxLength: 45 },
  uuid: {
    alphabet: `${HEX}-uUrRnNiI:`,
    required: "-",
    prefix: union(UUID, URN_UUID),
    minLength: 36,
    maxLength: 45,
  },
};

const NOUNS: Readonly<Record<string, string>> = {
  date: "a date",
  time: "a time",
  "iso-time": "a time",
  "date-time": "a date-time",
  "iso-date-time": "a date-time",
  duration: "a duration",
  uri: "a URI",
  email: "an email address",
  hostname: "a host name",
  ipv4: "an IPv4 address",
  ipv6: "an IPv6 address",
  uuid: "a UUID",
};

/** Whether every string of format `source` also has format `target`. */
export const formatImplies = (source: string, target: string): boolean =>
  source === target || (IMPLIED[source]?.includes(target) ?? false);

/** A character one shape needs that the other can never hold. */
const needsForeign = (a: TShape, b: TShape): boolean =>
  b.alphabet !== undefined && [...(a.required ?? "")].some((char) => !b.alphabet?.includes(char));

const lengthsApart = (a: TShape, b: TShape): boolean =>
  (a.maxLength ?? Number.POSITIVE_INFINITY) < b.minLength ||
  (b.maxLength ?? Number.POSITIVE_INFINITY) < a.minLength;

/** A leading position both strings have but no character can fill for both. */
const prefixesApart = (a: TShape, b: TShape): boolean => {
  const shared = Math.min(a.prefix?.length ?? 0, b.prefix?.length ?? 0, a.minLength, b.minLength);
  for (let i = 0; i < shared; i++) {
    const left = a.prefix?.[i] ?? "";
    const right = b.prefix?.[i] ?? "";
    if (![...left].some((char) => right.includes(char))) return true;
  }
  return false;
};

/** Whether no string has both formats. False when Baton does not know. */
export const formatsExclude = (a: string, b: string): boolean => {
  const left = SHAPES[a];
  const right = SHAPES[b];
  if (!left || !right || a === b) return false;
  return (
    needsForeign(left, right) ||
    needsForeign(right, left) ||
    lengthsApart(left, right) ||
    prefixesApart(left, right)
  );
};

/** A string of a format, as a noun phrase: "a date-time". */
export const formatNoun = (format: string): string =>
  NOUNS[format] ?? `a string of format ${format}`;
