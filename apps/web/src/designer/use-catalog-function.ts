import type { TCatalogFunction } from "@baton/model";
import { useDesignerContext } from "./use-designer-context.ts";

export const useCatalogFunction = (ref: string | undefined): TCatalogFunction | undefined => {
  const { catalog } = useDesignerContext();
  return ref === undefined ? undefined : catalog[ref];
};
