import type { TDatabase } from "@baton/db";
import type { TEvaluateExpression } from "@baton/model";
import type { ProviderRegistry } from "@baton/providers";
import type { PgBoss } from "pg-boss";
import type { TResolvedFunction } from "./functions.ts";
import type { TEngineLimits } from "./limits.ts";
import type { TChainStep, TChainStepDone, TClaimedRow, TRunEnd, TRunStart } from "./store/chain.ts";
import type { TClaim, TClaimed } from "./store/claims.ts";
import type { TJobSql } from "./store/queue.ts";
import type { TSql } from "./store/sql.ts";
import type { TSqlClient } from "./store/sql-client.ts";
import type { TVersion } from "./versions.ts";
import type { TNext } from "./worker/handle-step.ts";

export type TLogger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

/** What every part of the engine reaches: created once per engine. */
export type TEngineContext = {
  db: TDatabase;
  /** raw SQL on the driver, for the hot path */
  sql: TSqlClient;
  boss: PgBoss;
  providers: ProviderRegistry;
  workerId: string;
  log: TLogger;
  /** Inside a transaction pass it: a cache miss then reads through it (see functions.ts). */
  version(versionId: string, tx?: TSql): Promise<TVersion>;
  fn(ref: string, tx?: TSql): Promise<TResolvedFunction>;
  /** pg-boss's step-job insert, for statements that write jobs themselves */
  jobs: TJobSql;
  /** this process's workers, to run a step at once whose job is held back for its lease */
  inline: { available(): boolean; run(next: TNext): void };
  /** the hot path's statements, each batched with the same of other runs (chain-store.ts) */
  claimStep(claim: TClaim): Promise<TClaimed | undefined>;
  chainStep(step: TChainStep): Promise<TChainStepDone>;
  startChainRun(start: TRunStart): Promise<TClaimedRow | undefined>;
  endChainRun(end: TRunEnd): Promise<boolean>;
  /** completes a spent step job soon, batched with others */
  completeLater(jobId: string): void;
  /** default deadline of a function call that names none */
  defaultTimeoutMs: number;
  limits: TEngineLimits;
  /** JSONata, bounded in time and memory, off this process's thread */
  evaluate: TEvaluateExpression;
};
