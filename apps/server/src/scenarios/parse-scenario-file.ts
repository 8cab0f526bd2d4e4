import {
  BatonError,
  DEFAULT_RUN_LIMITS,
  jsonProblem,
  type TScenario,
  ZScenario,
} from "@baton/model";
import { z } from "zod";

/**
 * Reads the text of a baton.scenario/v1 file, saying precisely what is wrong with a bad one,
 * including what the database could not store or that nests deeper than `maxDepth`.
 */
export const parseScenarioFile = (
  text: string,
  source = "The file",
  maxDepth = DEFAULT_RUN_LIMITS.jsonDepth,
): TScenario => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BatonError(
      "BAD_INPUT",
      `${source} is not JSON (${(error as Error).message}); export a scenario from Baton to see the format.`,
    );
  }
  const problem = jsonProblem(json, maxDepth, "$");
  if (problem) throw new BatonError("BAD_INPUT", `${source}: ${problem}`);
  const parsed = ZScenario.safeParse(json);
  if (!parsed.success) {
    throw new BatonError(
      "BAD_INPUT",
      `${source} is not a valid baton.scenario/v1 scenario:\n${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
};
