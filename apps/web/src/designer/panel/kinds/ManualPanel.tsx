import { type TRole, ZRole } from "@baton/model";
import { useState } from "react";
import type { TStep } from "../../canvas/canvas-types.ts";
import { DataTree } from "../DataTree.tsx";
import { hintClass, inputClass, labelClass } from "../form-styles.ts";
import { MappingEditor } from "../MappingEditor.tsx";
import { PanelSection } from "../PanelSection.tsx";
import { SchemaFieldsEditor } from "../SchemaFieldsEditor.tsx";
import { useStepUpdater } from "../use-step-updater.ts";
import { useUpstream } from "../use-upstream.ts";
import { withField } from "../with-field.ts";

const ROLES: readonly TRole[] = ZRole.options;

/** Named deciders, edited as text and kept as a list when the field is left. */
function PeopleField({
  users,
  onSave,
}: {
  users: readonly string[];
  onSave: (users: string[]) => void;
}) {
  const [text, setText] = useState(users.join(", "));
  return (
    <label className={labelClass}>
      People who may decide (emails, comma-separated)
      <input
        value={text}
        placeholder="only the roles above"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => {
          const next = text
            .split(",")
            .map((email) => email.trim())
            .filter(Boolean);
          if (next.join(",") !== users.join(",")) onSave(next);
        }}
        className={`${inputClass} mt-0.5`}
      />
    </label>
  );
}

/** A human step: what the person sees, the form they fill in, who may decide and by when. */
export function ManualPanel({ step }: { step: TStep<"manual"> }) {
  const update = useStepUpdater<"manual">(step.id);
  const { sources, candidates } = useUpstream(step.id);
  const toggleRole = (role: TRole, on: boolean) =>
    update((s) => ({
      ...s,
      assignees: {
        ...s.assignees,
        roles: on ? [...s.assignees.roles, role] : s.assignees.roles.filter((r) => r !== role),
      },
    }));
  return (
    <>
      <PanelSection title="Task">
        <label className={labelClass}>
          Title
          <input
            value={step.title}
            onChange={(e) => update((s) => ({ ...s, title: e.target.value }), "title")}
            className={`${inputClass} mt-0.5`}
          />
        </label>
        <label className={labelClass}>
          Instructions (Markdown)
          <textarea
            rows={3}
            value={step.instructions ?? ""}
            onChange={(e) =>
              update(
                (s) => withField(s, "instructions", e.target.value || undefined),
                "instructions",
              )
            }
            className={`${inputClass} mt-0.5 resize-y`}
          />
        </label>
        <fieldset>
          <legend className={labelClass}>Who may decide</legend>
          <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
            {ROLES.map((role) => (
              <label
                key={role}
                className="flex items-center gap-1 text-[12px] text-zinc-700 dark:text-zinc-300"
              >
                <input
                  type="checkbox"
                  checked={step.assignees.roles.includes(role)}
                  onChange={(e) => toggleRole(role, e.target.checked)}
                  className="accent-indigo-600"
                />
                {role}
              </label>
            ))}
          </div>
        </fieldset>
        <PeopleField
          // a list changed elsewhere (undo) starts the field afresh
          key={step.assignees.users.join(",")}
          users={step.assignees.users}
          onSave={(users) => update((s) => ({ ...s, assignees: { ...s.assignees, users } }))}
        />
        <p className={hintClass}>
          A person decides when they hold a role ticked here or are named, and have the approver or
          admin role.
        </p>
        <label className={labelClass}>
          Due after (ISO-8601 duration, e.g. P1D or PT4H)
          <input
            value={
              typeof step.due === "string"
                ? step.due
                : step.due === undefined
                  ? ""
                  : String(step.due)
            }
            placeholder="no limit"
            onChange={(e) => {
              const text = e.target.value.trim();
              const due = text === "" ? undefined : /^\d+$/.test(text) ? Number(text) : text;
              update((s) => withField(s, "due", due), "due");
            }}
            className={`${inputClass} mt-0.5 font-mono`}
          />
        </label>
      </PanelSection>
      <PanelSection title="Form">
        {step.form === undefined && (
          <p className={hintClass}>No form: the person approves or rejects.</p>
        )}
        <SchemaFieldsEditor
          schema={step.form}
          label="Form"
          onChange={(form) => update((s) => ({ ...s, form }))}
        />
      </PanelSection>
      <PanelSection title="Shown to the person" defaultOpen={false}>
        <MappingEditor
          nodeId={step.id}
          root="input"
          mapping={step.input}
          target={undefined}
          candidates={candidates}
          emptyNote="Nothing mapped: the person sees no data. Add the fields they should check."
          onChange={(input, key) => update((s) => withField(s, "input", input), key)}
        />
        <DataTree sources={sources} />
      </PanelSection>
    </>
  );
}
