import { describe, expect, it } from "vitest";
import { createLoginLimiter } from "./login-limiter.ts";

describe("login limiter", () => {
  const limit = { maxFailures: 3, windowMs: 60_000 };

  it("refuses after too many failures until the window ends", () => {
    let now = 1_000;
    const limiter = createLoginLimiter(() => now);
    const keys = [["email:ada", limit]] as const;
    for (let i = 0; i < 3; i++) {
      expect(limiter.reserve(keys)).toBe(0);
      now += 1_000;
    }
    expect(limiter.reserve(keys)).toBe(57_000);
    now += 57_000;
    expect(limiter.reserve(keys)).toBe(0);
  });

  it("counts attempts still being checked, so racing ones cannot pass the limit", () => {
    const limiter = createLoginLimiter(() => 0);
    const keys = [["client:10.0.0.1", limit]] as const;
    const answers = Array.from({ length: 5 }, () => limiter.reserve(keys));
    expect(answers).toEqual([0, 0, 0, 60_000, 60_000]);
  });

  it("gives a successful attempt back", () => {
    const limiter = createLoginLimiter(() => 0);
    const keys = [["client:10.0.0.1", limit]] as const;
    for (let i = 0; i < 10; i++) {
      expect(limiter.reserve(keys)).toBe(0);
      limiter.release(keys);
    }
  });

  it("takes the longest wait of several keys and forgets a key on clear", () => {
    const limiter = createLoginLimiter(() => 0);
    const email = ["email:ada", limit] as const;
    const ip = ["ip:10.0.0.1", { maxFailures: 1, windowMs: 5_000 }] as const;
    expect(limiter.reserve([email, ip])).toBe(0);
    expect(limiter.reserve([email])).toBe(0);
    expect(limiter.reserve([email, ip])).toBe(5_000);
    limiter.clear("ip:10.0.0.1");
    expect(limiter.reserve([email, ip])).toBe(0);
  });
});
