import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export const schemaPath = `${repoRoot}prisma/schema.prisma`;
export const migrationsDir = `${repoRoot}prisma/migrations`;
