import { defineConfig } from "prisma/config";

// Only `prisma generate` and `prisma validate` use this; migrations are created and
// applied through @baton/db (see packages/db/src/migrations.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
