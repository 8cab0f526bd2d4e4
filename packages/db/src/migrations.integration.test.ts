import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema, loadMigrations } from "./migrations.ts";

describe("migrations", () => {
  it("agree with prisma/schema.prisma (run `npm run db:migration -- <name>` when this fails)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("are all readable", async () => {
    const list = await loadMigrations();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    for (const dir of list.migrationDirectories) expect(dir.migrationFile.content.tag).toBe("ok");
    expect(list.lockfile.content).toContain('provider = "postgresql"');
  });
});
