import { createContext, useContext } from "react";

/** What trying the draft needs beyond the designer's stores: which scenario, and its saved state. */
export type TDraftTest = {
  scenarioId: string;
  /** saves what is unsaved; resolves to the draft's draftUpdatedAt, which a test run names */
  flush(): Promise<string>;
};

export const DraftTestContext = createContext<TDraftTest | undefined>(undefined);

/** The draft under test; undefined outside the designer (its nodes drawn elsewhere). */
export const useDraftTest = (): TDraftTest | undefined => useContext(DraftTestContext);
