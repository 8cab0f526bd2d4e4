import type { TChoiceRule, TComparison, TComparisonOp, TCondition } from "@baton/model";
import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import type { TStep } from "../canvas/canvas-types.ts";
import { branchesOf } from "../canvas/nodes/branches.ts";
import { Button } from "../ui/Button.tsx";
import { useDesignerContext } from "../use-designer-context.ts";
import { fieldClass, hintClass, inputClass, labelClass, monoInputClass } from "./form-styles.ts";
import { ReferenceInput } from "./ReferenceInput.tsx";
import type { TCandidate } from "./reference-candidates.ts";
import { withField } from "./with-field.ts";

const OPS: [TComparisonOp, string][] = [
  ["eq", "equals"],
  ["ne", "differs from"],
  ["lt", "<"],
  ["lte", "≤"],
  ["gt", ">"],
  ["gte", "≥"],
  ["in", "is one of"],
  ["exists", "exists"],
  ["notExists", "is missing"],
];

type TValue = Exclude<TComparison["value"], undefined>;

const parseValue = (text: string): TValue => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

function ValueInput({
  value,
  label,
  onChange,
}: {
  value: TComparison["value"];
  label: string;
  onChange: (value: TValue) => void;
}) {
  const [text, setText] = useState(value === undefined ? "" : JSON.stringify(value));
  return (
    <input
      aria-label={label}
      value={text}
      placeholder='a JSON value, e.g. true or "gold"'
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseValue(e.target.value));
      }}
      className={monoInputClass}
    />
  );
}

function ConditionEditor({
  condition,
  label,
  candidates,
  onChange,
}: {
  condition: TCondition;
  label: string;
  candidates: readonly TCandidate[];
  onChange: (condition: TCondition) => void;
}) {
  if (typeof condition === "string") {
    return (
      <input
        aria-label={`${label} expression`}
        value={condition}
        onChange={(e) => onChange(e.target.value)}
        placeholder="JSONata, true when truthy"
        className={monoInputClass}
      />
    );
  }
  const needsValue = condition.op !== "exists" && condition.op !== "notExists";
  return (
    <div className="space-y-1">
      <ReferenceInput
        label={`${label} reference`}
        value={condition.ref}
        candidates={candidates}
        onChange={(ref) => onChange({ ...condition, ref })}
      />
      <div className="flex gap-1">
        <select
          aria-label={`${label} operator`}
          value={condition.op}
          onChange={(e) => {
            const op = e.target.value as TComparisonOp;
            const { value: _value, ...rest } = condition;
            const value = op === "in" ? [] : (condition.value ?? true);
            onChange(
              op === "exists" || op === "notExists" ? { ...rest, op } : { ...rest, op, value },
            );
          }}
          className={`${fieldClass} w-28 shrink-0`}
        >
          {OPS.map(([op, name]) => (
            <option key={op} value={op}>
              {name}
            </option>
          ))}
        </select>
        {needsValue && (
          <ValueInput
            key={condition.op}
            value={condition.value}
            label={`${label} value`}
            onChange={(value) => onChange({ ...condition, value })}
          />
        )}
      </div>
    </div>
  );
}

/** A choice's ordered rules (first that holds wins) and the branch taken when none does. */
export function ChoiceRulesEditor({
  step,
  candidates,
  update,
}: {
  step: TStep<"choice">;
  candidates: readonly TCandidate[];
  update: (recipe: (step: TStep<"choice">) => TStep<"choice">, key?: string) => void;
}) {
  const { store } = useDesignerContext();
  const setRule = (index: number, rule: TChoiceRule, key?: string) =>
    update((s) => ({ ...s, rules: s.rules.map((r, i) => (i === index ? rule : r)) }), key);
  const move = (index: number, by: number) =>
    update((s) => {
      const rules = [...s.rules];
      const [rule] = rules.splice(index, 1);
      if (rule) rules.splice(index + by, 0, rule);
      return { ...s, rules };
    });
  const rename = (from: string, to: string) => {
    if (!to || to === from || branchesOf(step).includes(to)) return;
    store.getState().renameBranch(step.id, from, to);
  };
  const addRule = () =>
    update((s) => {
      let n = s.rules.length + 1;
      while (branchesOf(s).includes(`branch${n}`)) n++;
      return {
        ...s,
        rules: [...s.rules, { branch: `branch${n}`, condition: { ref: "input", op: "exists" } }],
      };
    });
  return (
    <div className="space-y-2">
      <p className={hintClass}>Rules are tried in order; the first that holds picks its branch.</p>
      {step.rules.map((rule, index) => (
        <fieldset
          // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; their order is their identity
          key={index}
          aria-label={`Rule ${index + 1}`}
          className="space-y-1 rounded-md border border-zinc-200 p-2 dark:border-zinc-800"
        >
          <div className="flex items-center gap-1">
            <span className="w-5 text-[11px] text-zinc-400 tabular-nums">{index + 1}.</span>
            <input
              aria-label={`Rule ${index + 1} branch`}
              defaultValue={rule.branch}
              onBlur={(e) => rename(rule.branch, e.target.value.trim())}
              className={`${inputClass} font-medium text-violet-700 dark:text-violet-300`}
            />
            <button
              type="button"
              aria-label={`Move rule ${index + 1} up`}
              disabled={index === 0}
              onClick={() => move(index, -1)}
              className="rounded p-1 text-zinc-400 hover:text-zinc-700 disabled:opacity-30"
            >
              <ArrowUp className="size-3.5" />
            </button>
            <button
              type="button"
              aria-label={`Move rule ${index + 1} down`}
              disabled={index === step.rules.length - 1}
              onClick={() => move(index, 1)}
              className="rounded p-1 text-zinc-400 hover:text-zinc-700 disabled:opacity-30"
            >
              <ArrowDown className="size-3.5" />
            </button>
            <button
              type="button"
              aria-label={`Remove rule ${index + 1}`}
              onClick={() =>
                update((s) => ({ ...s, rules: s.rules.filter((_, i) => i !== index) }))
              }
              className="rounded p-1 text-zinc-400 hover:text-red-600"
            >
              <Trash2 className="size-3.5" />
            </button>
          </div>
          <div className="flex gap-1 text-[11px]">
            <label className="flex items-center gap-1 text-zinc-600 dark:text-zinc-400">
              <input
                type="checkbox"
                checked={typeof rule.condition === "string"}
                onChange={(e) =>
                  setRule(index, {
                    ...rule,
                    condition: e.target.checked ? "true" : { ref: "input", op: "exists" },
                  })
                }
                className="accent-indigo-600"
              />
              JSONata expression
            </label>
          </div>
          <ConditionEditor
            condition={rule.condition}
            label={`Rule ${index + 1}`}
            candidates={candidates}
            onChange={(condition) => setRule(index, { ...rule, condition }, `rule.${index}`)}
          />
        </fieldset>
      ))}
      <Button icon={Plus} onClick={addRule}>
        Add rule
      </Button>
      <label className={labelClass}>
        Otherwise (default branch)
        <input
          defaultValue={step.default ?? ""}
          key={step.default ?? ""}
          placeholder="none: the check will ask for one"
          onBlur={(e) => {
            const to = e.target.value.trim();
            if (step.default && to) rename(step.default, to);
            else update((s) => withField(s, "default", to || undefined));
          }}
          className={`${inputClass} mt-0.5`}
        />
      </label>
    </div>
  );
}
