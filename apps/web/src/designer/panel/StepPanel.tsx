import { CircleX, TriangleAlert } from "lucide-react";
import { KIND_LOOKS } from "../../ui/node-looks.ts";
import type { TStep } from "../canvas/canvas-types.ts";
import { QuickFixes } from "../check/QuickFixes.tsx";
import { useNodeDiagnostics } from "../check/use-node-diagnostics.ts";
import { StepTestActions } from "../testing/StepTestActions.tsx";
import { inputClass } from "./form-styles.ts";
import { ChoicePanel } from "./kinds/ChoicePanel.tsx";
import { EndPanel } from "./kinds/EndPanel.tsx";
import { FunctionPanel } from "./kinds/FunctionPanel.tsx";
import { ManualPanel } from "./kinds/ManualPanel.tsx";
import { MapPanel } from "./kinds/MapPanel.tsx";
import { StartPanel } from "./kinds/StartPanel.tsx";
import { SubscenarioPanel } from "./kinds/SubscenarioPanel.tsx";
import { WaitPanel } from "./kinds/WaitPanel.tsx";
import { useStepUpdater } from "./use-step-updater.ts";
import { withField } from "./with-field.ts";

function KindPanel({ step }: { step: TStep }) {
  switch (step.kind) {
    case "function":
      return <FunctionPanel step={step} />;
    case "start":
      return <StartPanel step={step} />;
    case "end":
      return <EndPanel step={step} />;
    case "manual":
      return <ManualPanel step={step} />;
    case "choice":
      return <ChoicePanel step={step} />;
    case "map":
      return <MapPanel step={step} />;
    case "wait":
      return <WaitPanel step={step} />;
    case "subscenario":
      return <SubscenarioPanel step={step} />;
  }
}

/** The selected step: its name and notes, the problems that are not about one field, and its kind's editors. */
export function StepPanel({ step }: { step: TStep }) {
  const update = useStepUpdater(step.id);
  const diagnostics = useNodeDiagnostics(step.id);
  const look = KIND_LOOKS[step.kind];
  const Icon = look.icon;
  // Field problems show beside their field; the rest belong to the step as a whole.
  const general = diagnostics.filter(
    (d) => !d.path?.startsWith("input") && !d.path?.startsWith("output"),
  );
  return (
    <div>
      <div className="space-y-2 border-zinc-100 border-b p-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <span
            className={`flex size-7 shrink-0 items-center justify-center rounded-md text-white ${look.accent}`}
          >
            <Icon className="size-4" aria-hidden />
          </span>
          <div className="min-w-0 flex-1">
            <input
              aria-label="Step name"
              value={step.label}
              onChange={(e) => update((s) => ({ ...s, label: e.target.value }), "label")}
              className="w-full rounded border border-transparent bg-transparent px-1 font-semibold text-[14px] outline-none hover:border-zinc-200 focus:border-indigo-500 dark:hover:border-zinc-700"
            />
            <div className="px-1 text-[11px] text-zinc-500">
              {look.name} · <span className="font-mono">steps.{step.id}</span>
            </div>
          </div>
          {step.kind === "function" && <StepTestActions step={step} />}
        </div>
        <textarea
          aria-label="Step description"
          rows={1}
          value={step.description ?? ""}
          placeholder="Add a note about this step"
          onChange={(e) =>
            update((s) => withField(s, "description", e.target.value || undefined), "description")
          }
          className={`${inputClass} resize-y text-[12px]`}
        />
        {general.length > 0 && (
          <ul aria-label="Step problems" className="space-y-1">
            {general.map((d) => (
              <li
                key={`${d.code}:${d.message}`}
                className={`flex gap-1.5 rounded-md px-2 py-1 text-[11px] ${d.severity === "error" ? "bg-red-50 text-red-700 dark:bg-red-500/10 dark:text-red-300" : "bg-amber-50 text-amber-800 dark:bg-amber-500/10 dark:text-amber-300"}`}
              >
                {d.severity === "error" ? (
                  <CircleX className="mt-px size-3 shrink-0" />
                ) : (
                  <TriangleAlert className="mt-px size-3 shrink-0" />
                )}
                <span>
                  {d.message}
                  {d.fix && <span className="block opacity-75">{d.fix}</span>}
                  <QuickFixes fixes={d.fixes} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <KindPanel step={step} />
    </div>
  );
}
