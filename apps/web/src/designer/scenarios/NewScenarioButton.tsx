import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { errorMessage, useTRPC } from "../../lib/trpc.ts";
import { Button } from "../ui/Button.tsx";
import { Popover } from "../ui/Popover.tsx";
import { slugify } from "./slugify.ts";

const field =
  "mt-1 w-full rounded-md border border-zinc-300 bg-white px-2 py-1 text-[13px] outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/20 dark:border-zinc-700 dark:bg-zinc-950";

/** Creates a scenario (a start wired to an end) and opens it in the designer. */
export function NewScenarioButton() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState<string>();
  const create = useMutation(
    trpc.scenarios.create.mutationOptions({
      onSuccess: (created) => void navigate(`/scenarios/${created.slug}`),
    }),
  );
  const effectiveSlug = slug ?? slugify(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), slug: effectiveSlug });
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      label="New scenario"
      trigger={
        <Button variant="primary" icon={Plus} onClick={() => setOpen(!open)} aria-expanded={open}>
          New scenario
        </Button>
      }
    >
      <form onSubmit={submit} className="space-y-2.5">
        <h2 className="font-semibold text-[13px]">New scenario</h2>
        <label className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Name
          <input
            // the popover opens to type a name
            ref={(input) => input?.focus()}
            value={name}
            onChange={(e) => setName(e.target.value)}
            className={field}
            required
          />
        </label>
        <label className="block text-xs font-medium text-zinc-700 dark:text-zinc-300">
          Slug
          <input
            value={effectiveSlug}
            onChange={(e) => setSlug(e.target.value)}
            className={`${field} font-mono`}
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            title="lowercase words joined by dashes"
            required
          />
        </label>
        {create.error && (
          <p role="alert" className="text-red-600 text-xs dark:text-red-400">
            {errorMessage(create.error)}
          </p>
        )}
        <div className="flex justify-end">
          <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>
            Create and open
          </Button>
        </div>
      </form>
    </Popover>
  );
}
