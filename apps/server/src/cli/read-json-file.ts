import { readFile } from "node:fs/promises";
import { BatonError } from "@baton/model";

/** A JSON file's content, or one sentence on why it cannot be read. */
export const readJsonFile = async (file: string, what: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BatonError(
      "BAD_INPUT",
      `cannot read the ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BatonError(
      "BAD_INPUT",
      `the ${what} ${file} is not JSON: ${(error as Error).message}`,
    );
  }
};

/** Parses JSON given on the command line. */
export const parseJsonOption = (text: string, option: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BatonError("BAD_INPUT", `${option} is not JSON: ${(error as Error).message}`);
  }
};
