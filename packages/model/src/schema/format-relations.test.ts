import { describe, expect, it } from "vitest";
import { formatImplies, formatsExclude } from "./format-relations.ts";
import { passesFormat } from "./formats.ts";

const FORMATS = [
  "date",
  "time",
  "iso-time",
  "date-time",
  "iso-date-time",
  "duration",
  "uri",
  "uri-reference",
  "email",
  "hostname",
  "ipv4",
  "ipv6",
  "uuid",
];

/** Strings of every format, and strings of one format that look like another. */
const CORPUS = [
  "2024-02-29",
  "1999-12-31",
  "12:00:00Z",
  "23:59:59+01:00",
  "12:00:00",
  "2024-02-29T12:00:00Z",
  "2024-02-29 12:00:00-05:00",
  "2024-02-29T12:00:00",
  "P1D",
  "PT15M",
  "P2W",
  "https://example.com/a?b=c",
  "urn:isbn:123",
  "mailto:ann@example.com",
  "a:b",
  "ann@example.com",
  "b@c.io",
  "example.com",
  "localhost",
  "a",
  "10.0.0.1",
  "255.255.255.255",
  "::",
  "fe80::1",
  "::ffff:10.0.0.1",
  "2001:db8::8a2e:370:7334",
  "123e4567-e89b-42d3-a456-426614174000",
  "urn:uuid:123e4567-e89b-42d3-a456-426614174000",
  "12345678-1234-1234-1234-123456789012",
  "/a/b",
  "../x",
  "",
];

const pairs = FORMATS.flatMap((a) => FORMATS.map((b) => [a, b] as const));

describe("format relations (checked against ajv-formats on a corpus)", () => {
  it("claims exclusion only where no string has both formats", () => {
    for (const [a, b] of pairs) {
      if (!formatsExclude(a, b)) continue;
      const both = CORPUS.filter((text) => passesFormat(a, text) && passesFormat(b, text));
      expect(both, `${a} and ${b}`).toEqual([]);
    }
  });

  it("claims implication only where every string of one has the other", () => {
    for (const [a, b] of pairs) {
      if (!formatImplies(a, b)) continue;
      const only = CORPUS.filter((text) => passesFormat(a, text) && !passesFormat(b, text));
      expect(only, `${a} implies ${b}`).toEqual([]);
    }
  });

  it("leaves formats that overlap unrelated, and excludes the ones that never do", () => {
    const overlapping = [
      ["ipv4", "hostname", "10.0.0.1"],
      ["date", "hostname", "2024-02-29"],
      ["uuid", "hostname", "123e4567-e89b-42d3-a456-426614174000"],
      ["duration", "hostname", "P1D"],
      ["uuid", "uri", "urn:uuid:123e4567-e89b-42d3-a456-426614174000"],
      ["ipv6", "uri", "fe80::1"],
      ["email", "uri-reference", "ann@example.com"],
    ];
    for (const [a = "", b = "", witness = ""] of overlapping) {
      expect(passesFormat(a, witness) && passesFormat(b, witness), witness).toBe(true);
      expect(formatsExclude(a, b), `${a} and ${b}`).toBe(false);
    }
    const never = [
      ["date-time", "date"],
      ["date", "time"],
      ["date-time", "time"],
      ["email", "uri"],
      ["email", "hostname"],
      ["uuid", "ipv4"],
      ["ipv4", "ipv6"],
      ["duration", "date"],
    ];
    for (const [a = "", b = ""] of never) {
      expect(formatsExclude(a, b), `${a} and ${b}`).toBe(true);
      expect(formatsExclude(b, a), `${b} and ${a}`).toBe(true);
    }
  });
});
