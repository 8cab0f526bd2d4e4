import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, Navigate, RouterProvider } from "react-router";
import "./index.css";
import { AppShell } from "./layout/AppShell.tsx";
import { createClient, createQueryClient, TRPCProvider } from "./lib/trpc.ts";
import { CatalogFunctionPage } from "./pages/CatalogFunctionPage.tsx";
import { CatalogPage } from "./pages/CatalogPage.tsx";
import { NotFoundPage } from "./pages/NotFoundPage.tsx";
import { RunPage } from "./pages/RunPage.tsx";
import { RunsPage } from "./pages/RunsPage.tsx";
import { ScenarioDesignerPage } from "./pages/ScenarioDesignerPage.tsx";
import { ScenariosPage } from "./pages/ScenariosPage.tsx";
import { TaskPage } from "./pages/TaskPage.tsx";
import { TasksPage } from "./pages/TasksPage.tsx";

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/catalog" replace /> },
      { path: "catalog", element: <CatalogPage /> },
      { path: "catalog/:id", element: <CatalogFunctionPage /> },
      { path: "scenarios", element: <ScenariosPage /> },
      { path: "scenarios/:slug", element: <ScenarioDesignerPage /> },
      { path: "runs", element: <RunsPage /> },
      { path: "runs/:id", element: <RunPage /> },
      { path: "tasks", element: <TasksPage /> },
      { path: "tasks/:id", element: <TaskPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

function App() {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(createClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        <RouterProvider router={router} />
      </TRPCProvider>
    </QueryClientProvider>
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
