import { useMemo, useState } from "react";
import { parseJsonText, schemaIssues } from "../../tasks/schema-validator.ts";

/** JSON typed by a person, parsed and checked against a schema as they type. */
export const useJsonValue = (schema: unknown, initial = "{}") => {
  const [text, setText] = useState(initial);
  const parsed = useMemo(() => parseJsonText(text), [text]);
  const issues = useMemo(
    () => (parsed.ok && schema !== undefined ? schemaIssues(schema, parsed.value) : []),
    [parsed, schema],
  );
  return {
    text,
    setText,
    parsed,
    /** it parses and fits the schema */
    valid: parsed.ok && issues.length === 0,
    syntaxError: parsed.ok ? undefined : parsed.message,
    issues,
    /** shows a value loaded from elsewhere (an earlier run) for editing */
    load: (value: unknown) => setText(JSON.stringify(value ?? null, null, 2)),
  };
};
