import Form from "@rjsf/core";
import type { RJSFSchema, UiSchema } from "@rjsf/utils";
import { FORM_TEMPLATES } from "./form-templates.tsx";
import { asJson, schemaValidator, type TJsonValue } from "./schema-validator.ts";

// rjsf's default markup, dressed in the app's look instead of Bootstrap's.
const FORM_LOOK = [
  "space-y-3",
  "[&_.form-group]:space-y-1",
  "[&_fieldset]:space-y-3 [&_fieldset]:border-0 [&_fieldset]:p-0 [&_legend]:hidden",
  "[&_label]:block [&_label]:font-medium [&_label]:text-xs [&_label]:text-zinc-700 dark:[&_label]:text-zinc-300",
  "[&_.form-control]:block [&_.form-control]:w-full [&_.form-control]:rounded-md [&_.form-control]:border [&_.form-control]:border-zinc-300 [&_.form-control]:bg-white [&_.form-control]:px-2.5 [&_.form-control]:py-1.5 [&_.form-control]:outline-none",
  "[&_.form-control:focus]:border-indigo-500 [&_.form-control:focus]:ring-2 [&_.form-control:focus]:ring-indigo-500/30",
  "dark:[&_.form-control]:border-zinc-700 dark:[&_.form-control]:bg-zinc-950",
  "[&_.field-description]:text-xs [&_.field-description]:text-zinc-500",
  "[&_.error-detail]:list-none [&_.error-detail]:p-0 [&_.text-danger]:text-xs [&_.text-danger]:text-red-600 dark:[&_.text-danger]:text-red-400",
  "[&_.checkbox_label]:flex [&_.checkbox_label]:items-center [&_.checkbox_label]:gap-2",
  "[&_.required]:ml-0.5 [&_.required]:text-red-500",
].join(" ");

const UI_SCHEMA: UiSchema = { "ui:submitButtonOptions": { norender: true } };

/**
 * The manual step's form, rendered from its JSON Schema and validated with the same Ajv
 * as everything else in the browser; submitting it (the Approve button, by its `id`)
 * hands over valid data only.
 */
export function TaskForm({
  id,
  schema,
  data,
  onChange,
  onSubmit,
  disabled,
}: {
  id: string;
  schema: unknown;
  data: unknown;
  onChange: (data: unknown) => void;
  onSubmit: (data: TJsonValue) => void;
  disabled: boolean;
}) {
  return (
    <Form<unknown, RJSFSchema>
      id={id}
      className={FORM_LOOK}
      schema={schema as RJSFSchema}
      uiSchema={UI_SCHEMA}
      templates={FORM_TEMPLATES}
      validator={schemaValidator}
      formData={data}
      disabled={disabled}
      showErrorList={false}
      noHtml5Validate
      onChange={(e) => onChange(e.formData)}
      onSubmit={(e) => onSubmit(asJson(e.formData))}
    />
  );
}
