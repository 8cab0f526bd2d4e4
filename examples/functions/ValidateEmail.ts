export const description =
  "Checks an email address: syntax, a known mail domain, and disposable-address providers. Never sends mail.";
export const tags = ["sign-up", "validation"];
export const timeoutMs = 3_000;
export const memoryMb = 32;

export const input = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "ValidateEmailInput",
  type: "object",
  properties: {
    email: { type: "string", format: "email", maxLength: 254 },
    allowDisposable: { type: "boolean", default: false },
  },
  required: ["email"],
  additionalProperties: false,
} as const;

export const output = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  title: "EmailValidation",
  type: "object",
  properties: {
    email: { type: "string", format: "email" },
    valid: { type: "boolean" },
    domain: { type: "string", minLength: 1 },
    disposable: { type: "boolean" },
    reason: { enum: ["ok", "disposable_domain", "reserved_domain", "role_account"] },
  },
  required: ["email", "valid", "domain", "disposable", "reason"],
  additionalProperties: false,
} as const;

export type ValidateEmailInput = { email: string; allowDisposable?: boolean };
export type EmailValidation = {
  email: string;
  valid: boolean;
  domain: string;
  disposable: boolean;
  reason: "ok" | "disposable_domain" | "reserved_domain" | "role_account";
};

type Context = { idempotencyKey: string; signal: AbortSignal; deadline: number };

const disposableDomains = new Set(["mailinator.com", "10minutemail.com", "guerrillamail.com"]);
// RFC 2606 reserves these for documentation; no mail is ever delivered to them.
const reservedDomains = new Set(["example.invalid", "test", "invalid", "localhost"]);
const roleAccounts = new Set(["postmaster", "abuse", "noreply", "no-reply"]);

export async function handler(
  input: ValidateEmailInput,
  context: Context,
): Promise<EmailValidation> {
  context.signal.throwIfAborted();
  const email = input.email.trim().toLowerCase();
  const at = email.lastIndexOf("@");
  if (at < 1) throw new Error(`"${input.email}" is not an email address`);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  const tld = domain.split(".").at(-1) ?? "";
  const disposable = disposableDomains.has(domain);

  let reason: EmailValidation["reason"] = "ok";
  if (reservedDomains.has(domain) || reservedDomains.has(tld)) reason = "reserved_domain";
  else if (disposable && !input.allowDisposable) reason = "disposable_domain";
  else if (roleAccounts.has(local)) reason = "role_account";

  return { email, valid: reason === "ok", domain, disposable, reason };
}
