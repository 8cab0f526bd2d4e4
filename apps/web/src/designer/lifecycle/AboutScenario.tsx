import { Info } from "lucide-react";
import { useState } from "react";
import { inputClass, labelClass } from "../panel/form-styles.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import { useDesigner } from "../use-designer.ts";
import { useDesignerContext } from "../use-designer-context.ts";

/** The scenario's description, for whoever runs it. */
export function AboutScenario() {
  const { store } = useDesignerContext();
  const description = useDesigner((s) => s.meta.description ?? "");
  const [open, setOpen] = useState(false);
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="About this scenario"
      trigger={
        <Button variant="ghost" icon={Info} onClick={() => setOpen(!open)} aria-expanded={open}>
          About
        </Button>
      }
    >
      <label className={labelClass}>
        Description
        <textarea
          rows={4}
          value={description}
          onChange={(e) => store.getState().setMeta({ description: e.target.value || undefined })}
          placeholder="What this scenario does, for whoever runs it"
          className={`${inputClass} mt-1 resize-y`}
        />
      </label>
    </Popover>
  );
}
