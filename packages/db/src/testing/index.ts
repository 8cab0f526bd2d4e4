export { checkTestServer, createTestDatabase, testServerUrl } from "./test-database.ts";
export {
  findPostgresBin,
  freePort,
  startThrowawayPostgres,
  type TThrowawayPostgres,
} from "./throwaway-postgres.ts";
