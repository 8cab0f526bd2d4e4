import { describe, expect, it } from "vitest";
import { parseCookies, serializeCookie } from "./cookies.ts";

describe("cookies", () => {
  it("reads the pairs of a Cookie header, first one winning", () => {
    const cookies = parseCookies("a=1; baton_session=abc%2Fd; a=2; junk; bad=%E0%A4%A");
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("baton_session")).toBe("abc/d");
    expect(cookies.has("bad")).toBe(false);
    expect(parseCookies(undefined).size).toBe(0);
  });

  it("writes httpOnly, SameSite cookies, Secure only when asked", () => {
    expect(serializeCookie("s", "v/1", { maxAgeSeconds: 60, secure: false })).toBe(
      "s=v%2F1; Path=/; HttpOnly; SameSite=Lax; Max-Age=60",
    );
    expect(serializeCookie("s", "", { maxAgeSeconds: 0, secure: true })).toMatch(/; Secure$/);
  });
});
