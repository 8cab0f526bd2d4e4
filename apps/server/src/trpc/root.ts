import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { catalogRouter } from "./routers/catalog.ts";
import { runsRouter } from "./routers/runs.ts";
import { scenariosRouter } from "./routers/scenarios.ts";
import { systemRouter } from "./routers/system.ts";
import { tasksRouter } from "./routers/tasks.ts";
import { testRunsRouter } from "./routers/test-runs.ts";
import { usersRouter } from "./routers/users.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  catalog: catalogRouter,
  scenarios: scenariosRouter,
  runs: runsRouter,
  testRuns: testRunsRouter,
  tasks: tasksRouter,
  auth: authRouter,
  users: usersRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
