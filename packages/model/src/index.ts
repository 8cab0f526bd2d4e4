export {
  hasPermission,
  mayDecide,
  PERMISSIONS,
  ROLES_WITH,
  roleToDecide,
  type TDecider,
  type TPermission,
} from "./access.ts";
export {
  assignable,
  type TAssignability,
  type TAssignableOptions,
  type TProblem,
  type TProblemCode,
} from "./assignable.ts";
export { AUDIT_ACTIONS, type TAudit, type TAuditAction, type TAuditEntry } from "./audit.ts";
export { buildInput, buildNodeInput, resolveSource } from "./build-input.ts";
export {
  scenarioKey,
  type TCatalog,
  type TCatalogFunction,
  type TScenarioSignature,
  ZCatalog,
  ZCatalogFunction,
  ZScenarioSignature,
} from "./catalog.ts";
export {
  analyzeScenario,
  checkScenario,
  mappingSchema,
  NO_INPUT_SCHEMA,
  nodeOutputSchema,
  parseScenario,
  scenarioInputSchema,
  type TCheckOptions,
  type TScenarioAnalysis,
} from "./check/check-scenario.ts";
export type { TDiagnostic, TDiagnosticCode } from "./check/diagnostic.ts";
export { chooseBranch, evaluateCondition } from "./choose-branch.ts";
export { isIsoDuration, parseDuration } from "./duration.ts";
export * from "./errors.ts";
export {
  evaluateExpression,
  evaluateToJson,
  expressionFailed,
  type TEvaluateExpression,
} from "./expression.ts";
export { formatDiagnostics } from "./format-diagnostics.ts";
export {
  ancestors,
  descendants,
  findCycles,
  findNode,
  incomingEdges,
  indexGraph,
  listNodes,
  outgoingEdges,
  predecessors,
  sortTopologically,
  startNodeOf,
  successors,
  type TGraphIndex,
  type TGraphLike,
  type TNodePlace,
  topologicalOrder,
} from "./graph.ts";
export { inferSchema } from "./infer-schema.ts";
export { jsonProblem } from "./json-problem.ts";
export {
  isSchemaObject,
  type TJsonSchema,
  type TJsonSchemaObject,
  ZJsonSchema,
} from "./json-schema.ts";
export { DEFAULT_RUN_LIMITS, describeBytes, type TRunLimits } from "./limits.ts";
export { resolveItems } from "./map-items.ts";
export {
  DECISIONS,
  EMPTY_FORM,
  INDEX_SCHEMA,
  manualOutputSchema,
  STEP_ERROR_SCHEMA,
  type TDecision,
  type TManualOutput,
  type TStepError,
} from "./node-output.ts";
export {
  formatReference,
  NODE_ID_PATTERN,
  parseReference,
  resolveReference,
  type TReference,
  type TRunContext,
  type TStepResult,
} from "./reference.ts";
export {
  DEFAULT_RETRY_ON,
  DEFAULT_RETRY_POLICY,
  resolveRetryPolicy,
  retriesFailure,
  retryDelayMs,
  type TClassifiedFailure,
  type TResolvedRetryPolicy,
} from "./retry.ts";
export {
  isRunEnd,
  RUN_ENDED_TYPES,
  type TRunEvent,
  type TRunEventData,
  type TRunEventType,
  ZRunEventData,
} from "./run-events.ts";
export * from "./scenario.ts";
export { dereference } from "./schema/dereference.ts";
export {
  AJV_VALUE_OPTIONS,
  formatIssues,
  schemaProblems,
  type TSchemaIssue,
  validateValue,
} from "./validate-value.ts";
export { resolveWaitUntil } from "./wait-until.ts";
