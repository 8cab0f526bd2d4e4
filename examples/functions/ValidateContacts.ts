export const description =
  "Checks a user's contact details together: email domain, phone number plan and postal address format. Reports every problem, not just the first.";
export const tags = ["sign-up", "validation"];
export const timeoutMs = 3_000;
export const memoryMb = 32;

const address = {
  type: "object",
  properties: {
    line1: { type: "string", minLength: 1 },
    line2: { type: "string" },
    city: { type: "string", minLength: 1 },
    postalCode: { type: "string", minLength: 2, maxLength: 12 },
    country: { type: "string", pattern: "^[A-Z]{2}$" },
  },
  required: ["line1", "city", "postalCode", "country"],
} as const;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ValidateContactsInput",
  type: "object",
  properties: {
    email: { type: "string", format: "email" },
    phone: { type: ["string", "null"] },
    address: { anyOf: [address, { type: "null" }] },
  },
  required: ["email"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ContactValidation",
  type: "object",
  properties: {
    valid: { type: "boolean" },
    phoneE164: { type: ["string", "null"], pattern: "^\\+[1-9][0-9]{6,14}$" },
    issues: {
      type: "array",
      items: {
        type: "object",
        properties: {
          field: { enum: ["email", "phone", "address"] },
          code: { enum: ["invalid_format", "unsupported_country", "missing"] },
          message: { type: "string" },
        },
        required: ["field", "code", "message"],
        additionalProperties: false,
      },
    },
  },
  required: ["valid", "phoneE164", "issues"],
  additionalProperties: false,
} as const;

type Address = { line1: string; line2?: string; city: string; postalCode: string; country: string };
export type ValidateContactsInput = {
  email: string;
  phone?: string | null;
  address?: Address | null;
};
type Issue = {
  field: "email" | "phone" | "address";
  code: "invalid_format" | "unsupported_country" | "missing";
  message: string;
};
export type ContactValidation = { valid: boolean; phoneE164: string | null; issues: Issue[] };

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

// Postal code shapes for the countries we support; anything else is reported, not guessed.
const postalCodes: Record<string, RegExp> = {
  US: /^\d{5}(-\d{4})?$/,
  GB: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i,
  DE: /^\d{5}$/,
  FR: /^\d{5}$/,
  NL: /^\d{4} ?[A-Z]{2}$/i,
  CA: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i,
};

function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/[\s().-]/g, "");
  const e164 = digits.startsWith("00") ? `+${digits.slice(2)}` : digits;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : null;
}

export async function handler(
  input: ValidateContactsInput,
  context: Context,
): Promise<ContactValidation> {
  context.signal.throwIfAborted();
  const issues: Issue[] = [];
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) {
    issues.push({ field: "email", code: "invalid_format", message: "not a deliverable address" });
  }

  let phoneE164: string | null = null;
  if (input.phone) {
    phoneE164 = normalizePhone(input.phone);
    if (!phoneE164) {
      issues.push({
        field: "phone",
        code: "invalid_format",
        message: `"${input.phone}" is not an international number (+<country><number>)`,
      });
    }
  }

  if (input.address) {
    const pattern = postalCodes[input.address.country];
    if (!pattern) {
      issues.push({
        field: "address",
        code: "unsupported_country",
        message: `country ${input.address.country} is not supported`,
      });
    } else if (!pattern.test(input.address.postalCode)) {
      issues.push({
        field: "address",
        code: "invalid_format",
        message: `"${input.address.postalCode}" is not a postal code of ${input.address.country}`,
      });
    }
  }

  return { valid: issues.length === 0, phoneE164, issues };
}
