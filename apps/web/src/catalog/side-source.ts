type TSides = {
  annotation: { inputSchema?: unknown; outputSchema?: unknown };
  undeclared: string[];
  samples: number;
  discovered: { schemaSource: string };
};

/**
 * Where one side's schema came from: a person's annotation, inference from samples, or
 * the provider ("none" when it declares nothing and no call was made yet).
 */
export const sideSource = (fn: TSides, side: "input" | "output"): string => {
  if (fn.annotation[`${side}Schema`] !== undefined) return "annotated";
  if (fn.undeclared.includes(side)) return fn.samples > 0 ? "inferred" : "none";
  return fn.discovered.schemaSource === "inferred" ? "declared" : fn.discovered.schemaSource;
};
