import { useContext } from "react";
import { DesignerContext, type TDesignerContext } from "./DesignerContext.tsx";

export const useDesignerContext = (): TDesignerContext => {
  const context = useContext(DesignerContext);
  if (!context) throw new Error("useDesignerContext needs a DesignerProvider above it");
  return context;
};
