import { catalogRouter } from "./routers/catalog.ts";
import { runsRouter } from "./routers/runs.ts";
import { scenariosRouter } from "./routers/scenarios.ts";
import { systemRouter } from "./routers/system.ts";
import { tasksRouter } from "./routers/tasks.ts";
import { createCallerFactory, router } from "./trpc.ts";

export const appRouter = router({
  system: systemRouter,
  catalog: catalogRouter,
  scenarios: scenariosRouter,
  runs: runsRouter,
  tasks: tasksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
