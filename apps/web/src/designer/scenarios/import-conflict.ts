import { isTRPCClientError } from "@trpc/client";

export type TNameAndSlug = { name: string; slug: string };

export type TImportConflict = { slug: string; suggested: TNameAndSlug };

const isNameAndSlug = (value: unknown): value is TNameAndSlug =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as TNameAndSlug).name === "string" &&
  typeof (value as TNameAndSlug).slug === "string";

/** The taken slug and the free one the server offers, when an import was refused for its slug. */
export const importConflict = (error: unknown): TImportConflict | undefined => {
  if (!isTRPCClientError(error) || error.data?.code !== "CONFLICT") return undefined;
  const details = (error.data as { details?: unknown }).details as
    | { slug?: unknown; suggested?: unknown }
    | undefined;
  if (typeof details?.slug !== "string" || !isNameAndSlug(details.suggested)) return undefined;
  return { slug: details.slug, suggested: details.suggested };
};
