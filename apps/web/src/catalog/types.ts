import type { AppRouter } from "@baton/server";
import type { inferRouterOutputs } from "@trpc/server";

type TCatalogOutputs = inferRouterOutputs<AppRouter>["catalog"];

export type TConnection = TCatalogOutputs["connections"][number];
export type TConnectionDetail = TCatalogOutputs["connection"];
export type TProviderForm = TCatalogOutputs["providerForms"][number];
export type TConnectionTest = TCatalogOutputs["testConnection"];
export type TRefreshReport = TCatalogOutputs["refreshConnection"];
export type TFunctionDetail = TCatalogOutputs["function"];
export type TTryResult = TCatalogOutputs["tryFunction"];
