import type { TCatalog, TScenario } from "@baton/model";
import { createContext, type ReactNode, useState } from "react";
import { createCheckStore, type TCheckStore } from "./check/check-store.ts";
import { createDesignerStore, type TDesignerStore } from "./store/designer-store.ts";

export type TDesignerContext = {
  store: TDesignerStore;
  checks: TCheckStore;
  catalog: TCatalog;
  /** for people who may not design: look, select and inspect; nothing changes or saves */
  readOnly: boolean;
};

export const DesignerContext = createContext<TDesignerContext | undefined>(undefined);

/** One designer's stores, made once per opened scenario and loaded with its draft. */
export function DesignerProvider({
  catalog,
  scenario,
  readOnly = false,
  children,
}: {
  catalog: TCatalog;
  scenario: TScenario;
  readOnly?: boolean;
  children: ReactNode;
}) {
  const [stores] = useState(() => {
    const store = createDesignerStore();
    store.getState().load(scenario);
    return { store, checks: createCheckStore() };
  });
  return <DesignerContext value={{ ...stores, catalog, readOnly }}>{children}</DesignerContext>;
}
