import { describe, expect, it } from "vitest";
import { createReadCache } from "./read-cache.ts";
import type { TSql } from "./store/sql.ts";

const db = (name: string): TSql => ({ $queryRawUnsafe: async () => name as never });

describe("createReadCache", () => {
  it("reads once and serves the value after", async () => {
    let reads = 0;
    const get = createReadCache(db("pool"), async (key) => `${key}:${++reads}`);
    expect(await get("a")).toBe("a:1");
    expect(await get("a")).toBe("a:1");
  });

  it("never makes a transaction wait for a read that waits for the pool", async () => {
    let release: (value: string) => void = () => {};
    const pool = db("pool");
    const tx = db("tx");
    const get = createReadCache(pool, (key, through) =>
      through === pool
        ? new Promise<string>((resolve) => {
            release = resolve;
          })
        : Promise.resolve(`${key} through the transaction`),
    );
    const blocked = get("a");
    // the pool read is stuck (every connection busy): the transaction reads for itself
    expect(await get("a", tx)).toBe("a through the transaction");
    release("a through the pool");
    expect(await blocked).toBe("a through the pool");
  });

  it("reads again after the time to live, and forgets a failed read", async () => {
    let reads = 0;
    const get = createReadCache(
      db("pool"),
      async (key) => {
        reads++;
        if (reads === 1) throw new Error("away");
        return `${key}:${reads}`;
      },
      0,
    );
    await expect(get("a")).rejects.toThrow("away");
    expect(await get("a")).toBe("a:2");
    expect(await get("a")).toBe("a:3");
  });
});
