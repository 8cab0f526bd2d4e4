import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { inputClass, labelClass } from "../panel/form-styles.ts";

type TPicked = { stepRunId: string; value: unknown };

/**
 * Where a value comes from: typed by hand, or the input or output of this step in one of
 * its recent runs (real or test). Picking a run loads that value for the editor below.
 */
export function StepSampleSelect({
  scenarioId,
  nodeId,
  take,
  onPick,
}: {
  scenarioId: string;
  nodeId: string;
  take: "input" | "output";
  /** a run's value, or undefined when the person goes back to typing */
  onPick: (picked: TPicked | undefined) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const samples = useQuery(trpc.testRuns.stepSamples.queryOptions({ scenarioId, nodeId }));
  const [picked, setPicked] = useState("");
  const [error, setError] = useState<string>();
  // an output exists only where the step succeeded
  const usable = (samples.data ?? []).filter((s) => take === "input" || s.status === "succeeded");
  const pick = async (stepRunId: string) => {
    setPicked(stepRunId);
    setError(undefined);
    if (!stepRunId) return onPick(undefined);
    try {
      const step = await queryClient.fetchQuery(trpc.runs.stepRun.queryOptions({ id: stepRunId }));
      onPick({ stepRunId, value: take === "input" ? step.input : step.output });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <label className={labelClass}>
      {take === "input" ? "Input from" : "Output from"}
      <select
        value={picked}
        onChange={(e) => void pick(e.target.value)}
        className={`${inputClass} mt-0.5`}
      >
        <option value="">Typed below</option>
        {usable.map((s) => (
          <option key={s.id} value={s.id}>
            {s.test ? "Test run" : `Run of v${s.version}`} · {s.status} ·{" "}
            {formatDateTime(s.endedAt ?? s.createdAt)}
            {s.scope ? ` · item ${s.scope}` : ""}
          </option>
        ))}
      </select>
      {samples.data && usable.length === 0 && (
        <span className="mt-0.5 block font-normal text-[11px] text-zinc-500">
          No earlier run of this step {take === "output" ? "succeeded" : "ran"} yet; type the value.
        </span>
      )}
      {error && <span className="mt-0.5 block text-[11px] text-red-600">{error}</span>}
    </label>
  );
}
