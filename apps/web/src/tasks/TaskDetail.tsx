import type { TAssignees } from "@baton/model";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, ChevronRight, ExternalLink, XCircle } from "lucide-react";
import { useState } from "react";
import { Link } from "react-router";
import { formatDateTime, timeAgo } from "../lib/format.ts";
import { errorMessage, useTRPC } from "../lib/trpc.ts";
import { useNow } from "../monitor/use-now.ts";
import { BUTTON } from "../ui/buttons.ts";
import { PanelSection } from "../ui/PanelSection.tsx";
import { ErrorNotice, LoadingRows } from "../ui/States.tsx";
import { StatusBadge } from "../ui/StatusBadge.tsx";
import { DueLabel } from "./DueLabel.tsx";
import { Instructions } from "./Instructions.tsx";
import { NotYourTask } from "./NotYourTask.tsx";
import { RejectForm } from "./RejectForm.tsx";
import { TaskData } from "./TaskData.tsx";
import { TaskDecision } from "./TaskDecision.tsx";
import { TaskForm } from "./TaskForm.tsx";

const FORM_ID = "task-form";

/** One task: instructions, the data the step received, and the form to approve or reject it. */
export function TaskDetail({ taskId }: { taskId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const task = useQuery(trpc.tasks.get.queryOptions({ id: taskId }));
  const now = useNow(task.data?.status === "open", 30_000);
  const [formData, setFormData] = useState<unknown>(undefined);
  const [rejecting, setRejecting] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.tasks.pathKey() });
  const approve = useMutation(trpc.tasks.approve.mutationOptions({ onSuccess: refresh }));
  // who holds which role lives in the session: the whole app shows what they may do anew
  const takeRole = useMutation(
    trpc.users.takeRole.mutationOptions({
      onSuccess: () =>
        Promise.all([
          refresh(),
          queryClient.invalidateQueries({ queryKey: trpc.auth.state.queryKey() }),
        ]),
    }),
  );
  const reject = useMutation(trpc.tasks.reject.mutationOptions({ onSuccess: refresh }));

  if (task.error) {
    return (
      <div className="p-6">
        <ErrorNotice error={task.error} retry={() => task.refetch()} />
      </div>
    );
  }
  if (!task.data) {
    return (
      <div className="p-6">
        <LoadingRows rows={6} />
      </div>
    );
  }
  const t = task.data;
  const open = t.status === "open";
  const pending = approve.isPending || reject.isPending;
  const failure = approve.error ?? reject.error;
  return (
    <>
      <header className="border-zinc-200 border-b px-6 pt-3 pb-4 dark:border-zinc-800">
        <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-xs text-zinc-500">
          <Link to="/tasks" className="hover:text-zinc-800 dark:hover:text-zinc-200">
            Tasks
          </Link>
          <ChevronRight className="size-3" aria-hidden />
          <span className="font-mono">{t.id.slice(0, 8)}</span>
        </nav>
        <div className="mt-1 flex flex-wrap items-center gap-3">
          <h1 className="font-semibold text-lg tracking-tight">{t.title}</h1>
          <span role="status" aria-label="Task status">
            <StatusBadge status={t.status} />
          </span>
          <Link to={`/runs/${t.run.id}?step=${t.nodeId}`} className={`${BUTTON.secondary} ml-auto`}>
            <ExternalLink className="size-4" aria-hidden />
            Open run
          </Link>
        </div>
        <dl className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
          <div className="flex gap-1">
            <dt>Scenario</dt>
            <dd>
              <Link
                to={`/scenarios/${t.run.scenarioVersion.scenario.slug}`}
                className="text-zinc-700 hover:underline dark:text-zinc-200"
              >
                {t.run.scenarioVersion.scenario.name} v{t.run.scenarioVersion.version}
              </Link>
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Step</dt>
            <dd className="text-zinc-700 dark:text-zinc-200" title={t.nodeId}>
              {t.stepLabel}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Waiting since</dt>
            <dd className="text-zinc-700 dark:text-zinc-200" title={formatDateTime(t.createdAt)}>
              {timeAgo(t.createdAt, now)}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Due</dt>
            <dd>
              <DueLabel dueAt={t.dueAt} now={now} />
            </dd>
          </div>
          <div className="flex gap-1">
            <dt>Run</dt>
            <dd>
              <StatusBadge status={t.run.status} />
            </dd>
          </div>
        </dl>
      </header>
      {/* read top to bottom: what to check, the data to check, the decision */}
      <div className="max-w-4xl p-6">
        <div className="space-y-5">
          <PanelSection title="Instructions">
            <div className="rounded-lg border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
              <Instructions text={t.instructions} />
            </div>
          </PanelSection>
          <TaskData
            title="Data the step received"
            value={t.input}
            label="Task input"
            empty="The step received no data"
          />
          {open && !t.actionable ? (
            <PanelSection title="Decision">
              <NotYourTask
                assignees={t.assignees as Partial<TAssignees>}
                roleToTake={t.roleToTake}
                onTakeRole={(role) => takeRole.mutate({ role, taskId: t.id })}
                taking={takeRole.isPending}
                error={takeRole.error ? errorMessage(takeRole.error) : undefined}
              />
            </PanelSection>
          ) : open ? (
            <PanelSection title="Your decision">
              <div className="space-y-4 rounded-lg border border-zinc-200 bg-white px-4 py-4 dark:border-zinc-800 dark:bg-zinc-900">
                <TaskForm
                  id={FORM_ID}
                  schema={t.formSchema}
                  data={formData}
                  onChange={setFormData}
                  onSubmit={(data) => approve.mutate({ id: t.id, data })}
                  disabled={pending}
                />
                {failure && (
                  <p
                    role="alert"
                    className="rounded-md bg-red-50 px-3 py-2 text-red-800 text-xs dark:bg-red-950/50 dark:text-red-300"
                  >
                    {errorMessage(failure)}
                  </p>
                )}
                {rejecting ? (
                  <RejectForm
                    pending={reject.isPending}
                    onReject={(reason) => reject.mutate({ id: t.id, reason })}
                    onCancel={() => setRejecting(false)}
                  />
                ) : (
                  <div className="flex items-center justify-end gap-2 border-zinc-100 border-t pt-3 dark:border-zinc-800">
                    <button
                      type="button"
                      className={BUTTON.secondary}
                      disabled={pending}
                      onClick={() => setRejecting(true)}
                    >
                      <XCircle className="size-4 text-red-600" aria-hidden />
                      Reject…
                    </button>
                    <button
                      type="submit"
                      form={FORM_ID}
                      className={BUTTON.success}
                      disabled={pending}
                    >
                      <CheckCircle2 className="size-4" aria-hidden />
                      {approve.isPending ? "Approving…" : "Approve"}
                    </button>
                  </div>
                )}
              </div>
            </PanelSection>
          ) : (
            <TaskDecision
              status={t.status}
              decidedAt={t.decidedAt}
              decidedBy={t.decidedBy?.name}
              decision={t.decision}
              reason={t.reason}
            />
          )}
        </div>
      </div>
    </>
  );
}
