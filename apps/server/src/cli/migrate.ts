import { openDatabase } from "@baton/db";
import { loadConfig } from "../config.ts";

export const migrateCommand = async (): Promise<void> => {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const applied = db.appliedMigrations;
    console.log(
      applied.length
        ? `baton: applied ${applied.length} migration(s) to the ${db.location}:\n${applied.map((m) => `  ${m}`).join("\n")}`
        : `baton: the ${db.location} is up to date`,
    );
  } finally {
    await db.close();
  }
};
