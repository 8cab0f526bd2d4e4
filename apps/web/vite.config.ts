import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { routePreload } from "./route-preload.ts";

const api = `http://127.0.0.1:${process.env.PORT ?? 4400}`;

export default defineConfig({
  plugins: [react(), tailwindcss(), routePreload("/src/pages/RunPage.tsx")],
  server: { proxy: { "/trpc": api, "/healthz": api, "/hooks": api } },
  build: { chunkSizeWarningLimit: 1500 },
});
