export { createTestDatabase } from "./test-database.ts";
export {
  findPostgresBin,
  freePort,
  startThrowawayPostgres,
  type TThrowawayPostgres,
} from "./throwaway-postgres.ts";
