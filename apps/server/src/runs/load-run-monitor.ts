import {
  directQuery,
  type Prisma,
  type RunStatus,
  type StepStatus,
  type TaskStatus,
  type TDatabase,
} from "@baton/db";

type TJson = Prisma.JsonValue;

/** A run as the live monitor draws it (`runs.monitor`); times are ISO text, as JSON sends them. */
export type TRunMonitor = {
  id: string;
  status: RunStatus;
  input: TJson;
  output: TJson;
  error: TJson;
  trigger: string;
  /** a test run of a draft (see the engine README, "Test runs") */
  test: boolean;
  generation: number;
  stepsTotal: number;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
  startedBy: { id: string; name: string } | null;
  scenarioVersion: {
    id: string;
    version: number;
    /** a test snapshot of the draft rather than a published version */
    test: boolean;
    /** test snapshots: what was tested, e.g. the draft or one step */
    note: string;
    /** the steps whose pinned output the test run used instead of calling them */
    pinned: string[];
    definition: TJson;
    scenario: { id: string; name: string; slug: string };
  };
  stepRuns: {
    id: string;
    nodeId: string;
    scope: string;
    generation: number;
    status: StepStatus;
    attempt: number;
    error: TJson;
    createdAt: string;
    scheduledAt: string | null;
    startedAt: string | null;
    endedAt: string | null;
    updatedAt: string;
    attempts: {
      attempt: number;
      status: StepStatus;
      error: TJson;
      startedAt: string;
      endedAt: string | null;
    }[];
    task: {
      id: string;
      title: string;
      status: TaskStatus;
      createdAt: string;
      decidedAt: string | null;
    } | null;
  }[];
};

// Prisma stores UTC in `timestamp(3)`; this is the text JSON.stringify gives its Date.
const iso = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/*
 * One statement that builds the whole answer as JSON inside PostgreSQL. Prisma's nested
 * read of a 500-step run is several queries plus client-side joining, the bulk of the
 * monitor's open on the embedded database.
 */
const MONITOR_SQL = `
select json_build_object(
  'id', r.id, 'status', r.status, 'input', r.input, 'output', r.output, 'error', r.error,
  'trigger', r.trigger, 'test', r.test, 'generation', r.generation, 'stepsTotal', r."stepsTotal",
  'createdAt', ${iso('r."createdAt"')}, 'startedAt', ${iso('r."startedAt"')},
  'endedAt', ${iso('r."endedAt"')}, 'updatedAt', ${iso('r."updatedAt"')},
  'startedBy', (select json_build_object('id', u.id, 'name', u.name)
                from "User" u where u.id = r."startedById"),
  'scenarioVersion', (
    select json_build_object('id', v.id, 'version', v.version, 'test', v.test, 'note', v.note,
      'pinned', (select coalesce(json_agg(k order by k), '[]'::json) from jsonb_object_keys(v.pinned) k),
      'definition', v.definition,
      'scenario', json_build_object('id', s.id, 'name', s.name, 'slug', s.slug))
    from "ScenarioVersion" v join "Scenario" s on s.id = v."scenarioId"
    where v.id = r."scenarioVersionId"),
  'stepRuns', coalesce((
    select json_agg(json_build_object(
      'id', sr.id, 'nodeId', sr."nodeId", 'scope', sr.scope, 'generation', sr.generation,
      'status', sr.status, 'attempt', sr.attempt, 'error', sr.error,
      'createdAt', ${iso('sr."createdAt"')}, 'scheduledAt', ${iso('sr."scheduledAt"')},
      'startedAt', ${iso('sr."startedAt"')}, 'endedAt', ${iso('sr."endedAt"')},
      'updatedAt', ${iso('sr."updatedAt"')},
      'attempts', coalesce(a.list, '[]'::json),
      'task', case when t.id is null then null else json_build_object(
        'id', t.id, 'title', t.title, 'status', t.status,
        'createdAt', ${iso('t."createdAt"')}, 'decidedAt', ${iso('t."decidedAt"')}) end
    ) order by sr."createdAt", sr.id)
    from "StepRun" sr
    left join (
      select sa."stepRunId", json_agg(json_build_object(
        'attempt', sa.attempt, 'status', sa.status, 'error', sa.error,
        'startedAt', ${iso('sa."startedAt"')}, 'endedAt', ${iso('sa."endedAt"')}
      ) order by sa.attempt) as list
      from "StepAttempt" sa join "StepRun" owner on owner.id = sa."stepRunId"
      where owner."runId" = $1::uuid
      group by sa."stepRunId"
    ) a on a."stepRunId" = sr.id
    left join "ManualTask" t on t."stepRunId" = sr.id
    where sr."runId" = $1::uuid), '[]'::json)
)::text as run
from "Run" r where r.id = $1::uuid`;

/** A run for the monitor in one round trip, or undefined when there is no such run. */
export const loadRunMonitor = async (
  db: Pick<TDatabase, "pglite" | "pool">,
  runId: string,
): Promise<TRunMonitor | undefined> => {
  const [row] = await directQuery<{ run: string }>(db, { text: MONITOR_SQL, values: [runId] });
  return row ? (JSON.parse(row.run) as TRunMonitor) : undefined;
};
