import type { AppRouter } from "@baton/server";
import { QueryClientProvider } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { type ComponentType, lazy, StrictMode, Suspense, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  Navigate,
  RouterProvider,
} from "react-router";
import { AuthGate } from "./auth/AuthGate.tsx";
import "./index.css";
import { AppShell } from "./layout/AppShell.tsx";
import { withEarlyAnswer } from "./lib/early-answers.ts";
import { createFirstRender } from "./lib/first-render.ts";
import { createClient, createQueryClient, TRPCProvider } from "./lib/trpc.ts";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";

/**
 * A page in its own chunk, so opening one never parses the others (the designer is big).
 * A route's loader may `load` it early; once its code is in, the page renders directly
 * instead of suspending for a turn first.
 */
const lazyPage = (importPage: () => Promise<ComponentType>) => {
  let Loaded: ComponentType | undefined;
  const load = () =>
    importPage().then((Page) => {
      Loaded = Page;
      return Page;
    });
  const Lazy = lazy(async () => ({ default: await load() }));
  function Page() {
    // decided once per mount: switching later would remount the page and lose its state
    const [Direct] = useState(() => Loaded);
    if (Direct) return <Direct />;
    return (
      <Suspense fallback={null}>
        <Lazy />
      </Suspense>
    );
  }
  return { load, element: <Page /> };
};

const queryClient = createQueryClient();
const trpcClient = createClient();
const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
// index.html asked for the first answers with the HTML, so they are mostly in by the time
// this code has run; waiting a little for the rest beats drawing the page three times
const firstRender = createFirstRender(400);

// the sign-in check every page waits for, answered by the request index.html started
firstRender.await(
  queryClient.prefetchQuery(withEarlyAnswer(trpc.auth.state.queryOptions(), "auth.state")),
);

const runPage = lazyPage(() => import("./pages/RunPage.tsx").then((m) => m.RunPage));

// A page's main data is asked for while its code loads, not after it has rendered; the
// run page's code is asked for at once too, not after the sign-in check has answered.
const prefetchRun = ({ params }: LoaderFunctionArgs) => {
  const input = { id: params.id ?? "" };
  firstRender.await(
    queryClient.prefetchQuery(
      withEarlyAnswer(trpc.runs.monitor.queryOptions(input), "runs.monitor", input),
    ),
  );
  firstRender.await(runPage.load());
  return null;
};
const designerPage = lazyPage(() =>
  import("./pages/ScenarioDesignerPage.tsx").then((m) => m.ScenarioDesignerPage),
);
// The router runs this on creation, while the auth gate still waits for the session, so the
// designer's code (the largest page) loads alongside its data instead of after sign-in shows.
const prefetchScenario = ({ params }: LoaderFunctionArgs) => {
  void designerPage.load();
  void queryClient.prefetchQuery({
    ...trpc.scenarios.get.queryOptions({ slug: params.slug ?? "" }),
    staleTime: Number.POSITIVE_INFINITY,
  });
  void queryClient.prefetchQuery(trpc.scenarios.catalog.queryOptions());
  return null;
};

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/catalog" replace /> },
      {
        path: "catalog",
        element: lazyPage(() => import("./pages/CatalogPage.tsx").then((m) => m.CatalogPage))
          .element,
      },
      {
        path: "catalog/:id",
        element: lazyPage(() =>
          import("./pages/CatalogFunctionPage.tsx").then((m) => m.CatalogFunctionPage),
        ).element,
      },
      {
        path: "scenarios",
        element: lazyPage(() => import("./pages/ScenariosPage.tsx").then((m) => m.ScenariosPage))
          .element,
      },
      {
        path: "scenarios/:slug",
        loader: prefetchScenario,
        element: designerPage.element,
      },
      {
        path: "runs",
        element: lazyPage(() => import("./pages/RunsPage.tsx").then((m) => m.RunsPage)).element,
      },
      {
        path: "runs/:id",
        loader: prefetchRun,
        element: runPage.element,
      },
      {
        path: "tasks",
        element: lazyPage(() => import("./pages/TasksPage.tsx").then((m) => m.TasksPage)).element,
      },
      {
        path: "tasks/:id",
        element: lazyPage(() => import("./pages/TaskPage.tsx").then((m) => m.TaskPage)).element,
      },
      {
        path: "users",
        element: lazyPage(() => import("./admin/UsersPage.tsx").then((m) => m.UsersPage)).element,
      },
      {
        path: "audit",
        element: lazyPage(() => import("./admin/AuditPage.tsx").then((m) => m.AuditPage)).element,
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <AuthGate>
          <RouterProvider router={router} />
        </AuthGate>
      </TRPCProvider>
    </QueryClientProvider>
  );
}

// the router runs the first route's loader, which names what that page waits for
const routerReady = new Promise<void>((resolve) => {
  if (router.state.initialized) return resolve();
  const unsubscribe = router.subscribe((state) => {
    if (!state.initialized) return;
    unsubscribe();
    resolve();
  });
});

void routerReady
  .then(() => firstRender.ready())
  .then(() =>
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
