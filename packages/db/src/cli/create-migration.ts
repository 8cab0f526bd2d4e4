import { createMigration } from "../migrations.ts";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration -- <name>   (e.g. add_run_tags)");
  process.exit(2);
}
const folder = await createMigration(name);
console.log(
  folder
    ? `wrote ${folder}/migration.sql`
    : "schema.prisma and the migrations agree: nothing to write",
);
