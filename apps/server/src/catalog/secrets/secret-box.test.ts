import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "./secret-box.ts";

const secret = { accessKeyId: "AKIA123", secretAccessKey: "very-secret-value" };

describe("secret box (AES-256-GCM)", () => {
  const box = createSecretBox(randomBytes(32));

  it("gives back what it sealed, and the sealed bytes hold no plaintext", () => {
    const sealed = box.seal(secret, "conn-1");
    expect(box.open(sealed, "conn-1")).toEqual(secret);
    expect(Buffer.from(sealed).toString("latin1")).not.toContain("very-secret-value");
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(Buffer.from(box.seal(secret, "c")).equals(Buffer.from(box.seal(secret, "c")))).toBe(
      false,
    );
  });

  it("refuses altered ciphertext with a clear error", () => {
    const sealed = box.seal(secret, "conn-1");
    sealed[sealed.length - 1]! ^= 0x01;
    expect(() => box.open(sealed, "conn-1")).toThrow(/cannot be decrypted: they were altered/);
  });

  it("refuses a wrong key with a clear error", () => {
    const sealed = box.seal(secret, "conn-1");
    const other = createSecretBox(randomBytes(32));
    expect(() => other.open(sealed, "conn-1")).toThrow(/sealed with another key.*BATON_SECRET_KEY/);
  });

  it("refuses credentials moved to another connection", () => {
    const sealed = box.seal(secret, "conn-1");
    expect(() => box.open(sealed, "conn-2")).toThrow(/cannot be decrypted/);
  });

  it("refuses data that is not a sealed secret", () => {
    expect(() => box.open(new Uint8Array([9, 1, 2]), "c")).toThrow(/unknown format/);
  });

  it("needs a 32-byte key", () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/32-byte key/);
  });
});
