import { ZScenario } from "@baton/model";
import { z } from "zod";
import { ZInstant, ZVersionNumber } from "../trpc/input-bounds.ts";

export const ZSlug = z
  .string()
  .trim()
  .min(1, "A slug is needed")
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lowercase words joined by dashes");

export const ZScenarioName = z.string().trim().min(1, "A name is needed").max(200);

export const ZScenarioKey = z.union([
  z.strictObject({ id: z.uuid() }),
  z.strictObject({ slug: ZSlug }),
]);

export const ZCreateScenarioInput = z.strictObject({
  name: ZScenarioName,
  slug: ZSlug,
  description: z.string().max(2_000).optional(),
});

export const ZSaveDraftInput = z.strictObject({
  id: z.uuid(),
  draft: ZScenario,
  /** The draftUpdatedAt the editor loaded; a different one in the database means another save won. */
  draftUpdatedAt: ZInstant,
});

export const ZPublishInput = z.strictObject({
  id: z.uuid(),
  /** Publishing what the editor shows: refused when the draft changed since. */
  draftUpdatedAt: ZInstant,
  note: z.string().max(2_000).default(""),
});

export const ZVersionKey = z.strictObject({ id: z.uuid(), version: ZVersionNumber });

export const ZImportInput = z.strictObject({
  /** The text of a baton.scenario/v1 file. */
  json: z.string().min(1).max(5_000_000),
  /** Import under another slug and name, e.g. to keep a copy beside the original. */
  slug: ZSlug.optional(),
  name: ZScenarioName.optional(),
});

export const ZExportInput = z.strictObject({
  id: z.uuid(),
  /** A published version; the draft when left out. */
  version: ZVersionNumber.optional(),
});

export type TCreateScenarioInput = z.infer<typeof ZCreateScenarioInput>;
export type TSaveDraftInput = z.infer<typeof ZSaveDraftInput>;
export type TPublishInput = z.infer<typeof ZPublishInput>;
export type TVersionKey = z.infer<typeof ZVersionKey>;
export type TImportInput = z.infer<typeof ZImportInput>;
export type TExportInput = z.infer<typeof ZExportInput>;
export type TScenarioKey = z.infer<typeof ZScenarioKey>;
