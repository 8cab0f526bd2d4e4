import type { FormProps } from "@rjsf/core";
import {
  type ArrayFieldItemButtonsTemplateProps,
  type ArrayFieldItemTemplateProps,
  type ArrayFieldTemplateProps,
  buttonId,
  getTemplate,
  getUiOptions,
  type IconButtonProps,
  type OptionalDataControlsTemplateProps,
  TranslatableString,
} from "@rjsf/utils";
import { ArrowDown, ArrowUp, Copy, type LucideIcon, Plus, Trash2, X } from "lucide-react";
import { createContext, useContext } from "react";

// The default theme draws these buttons with Bootstrap's icon font, which Baton does not
// load: they rendered at zero size and a list could not grow. These use the app's icons,
// each with a name a screen reader (and a test) can find.

const ICON_BUTTON =
  "inline-flex size-7 shrink-0 items-center justify-center rounded-md border border-zinc-300 bg-white text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-zinc-100";
const TEXT_BUTTON =
  "inline-flex items-center gap-1 rounded-md border border-zinc-300 border-dashed bg-white px-2 py-1 font-medium text-xs text-zinc-700 hover:border-indigo-400 hover:text-indigo-700 disabled:cursor-not-allowed disabled:opacity-40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:border-indigo-500 dark:hover:text-indigo-300";

/** The title of the list whose items are being drawn, so their buttons can name it. */
const ListTitle = createContext<string>("");

const iconButton = (Icon: LucideIcon, fallback: TranslatableString, danger = false) =>
  function FormIconButton({
    registry,
    uiSchema: _uiSchema,
    iconType: _iconType,
    icon: _icon,
    className: _className,
    ...button
  }: IconButtonProps) {
    const name = button["aria-label"] ?? registry.translateString(fallback);
    return (
      <button
        type="button"
        {...button}
        aria-label={name}
        title={name}
        className={`${ICON_BUTTON} ${danger ? "hover:text-red-600 dark:hover:text-red-400" : ""}`}
      >
        <Icon className="size-3.5" aria-hidden />
      </button>
    );
  };

function AddButton({
  registry: _registry,
  uiSchema: _uiSchema,
  iconType: _iconType,
  icon: _icon,
  className: _className,
  ...button
}: IconButtonProps) {
  return (
    <button type="button" {...button} className={TEXT_BUTTON}>
      <Plus className="size-3.5" aria-hidden />
      Add item
    </button>
  );
}

/** A list: its title, its items, and a button that adds one, named after the list. */
function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, className, disabled, fieldPathId, items, onAddClick, readonly, registry } = props;
  const uiOptions = getUiOptions(props.uiSchema);
  const title = String(uiOptions.title ?? props.title ?? "");
  const Description = getTemplate("ArrayFieldDescriptionTemplate", registry, uiOptions);
  const { AddButton: Add } = registry.templates.ButtonTemplates;
  const editable = !readonly && !disabled;
  return (
    <fieldset className={className} id={fieldPathId.$id}>
      {/* the form's look hides legends; a list says what it holds, and how many */}
      {title && (
        <div className="flex items-center gap-2">
          <span className="font-medium text-xs text-zinc-700 dark:text-zinc-300">
            {title}
            {props.required && <span className="required">*</span>}
          </span>
          <span className="text-[11px] text-zinc-400 tabular-nums">
            {items.length} item{items.length === 1 ? "" : "s"}
          </span>
          {editable && props.optionalDataControl}
        </div>
      )}
      <Description
        fieldPathId={fieldPathId}
        description={uiOptions.description ?? props.schema.description}
        schema={props.schema}
        uiSchema={props.uiSchema}
        registry={registry}
      />
      {!(editable && title) && props.optionalDataControl}
      <ListTitle.Provider value={title}>
        <div className="space-y-2">{items}</div>
      </ListTitle.Provider>
      {canAdd && (
        <Add
          id={buttonId(fieldPathId, "add")}
          aria-label={title ? `Add item to ${title}` : "Add item"}
          onClick={onAddClick}
          disabled={!editable}
          uiSchema={props.uiSchema}
          registry={registry}
        />
      )}
    </fieldset>
  );
}

/** One item of a list: its fields, and beside them the buttons that move or remove it. */
function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, registry, schema, uiSchema } = props;
  const Buttons = getTemplate("ArrayFieldItemButtonsTemplate", registry, getUiOptions(uiSchema));
  // an item with fields of its own is framed, so its fields read as one item; a plain value
  // needs no "Tags-1" label on screen (the list names it), only for screen readers
  const framed = schema.type === "object" || schema.properties !== undefined;
  return (
    <div
      className={`flex items-start gap-2 ${framed ? "rounded-md border border-zinc-200 p-2.5 dark:border-zinc-800" : "[&_label]:sr-only"}`}
    >
      <div className="min-w-0 flex-1">{children}</div>
      {hasToolbar && (
        <div className="flex shrink-0 gap-1 pt-px">
          <Buttons {...buttonsProps} />
        </div>
      )}
    </div>
  );
}

function ArrayFieldItemButtonsTemplate(props: ArrayFieldItemButtonsTemplateProps) {
  const { disabled, readonly, fieldPathId, index, registry, uiSchema } = props;
  const list = useContext(ListTitle);
  const item = `item ${index + 1}${list ? ` of ${list}` : ""}`;
  const { CopyButton, MoveDownButton, MoveUpButton, RemoveButton } =
    registry.templates.ButtonTemplates;
  const locked = disabled || readonly;
  const common = { uiSchema, registry };
  return (
    <>
      {(props.hasMoveUp || props.hasMoveDown) && (
        <>
          <MoveUpButton
            {...common}
            id={buttonId(fieldPathId, "moveUp")}
            aria-label={`Move ${item} up`}
            disabled={locked || !props.hasMoveUp}
            onClick={props.onMoveUpItem}
          />
          <MoveDownButton
            {...common}
            id={buttonId(fieldPathId, "moveDown")}
            aria-label={`Move ${item} down`}
            disabled={locked || !props.hasMoveDown}
            onClick={props.onMoveDownItem}
          />
        </>
      )}
      {props.hasCopy && (
        <CopyButton
          {...common}
          id={buttonId(fieldPathId, "copy")}
          aria-label={`Copy ${item}`}
          disabled={locked}
          onClick={props.onCopyItem}
        />
      )}
      {props.hasRemove && (
        <RemoveButton
          {...common}
          id={buttonId(fieldPathId, "remove")}
          aria-label={`Remove ${item}`}
          disabled={locked}
          onClick={props.onRemoveItem}
        />
      )}
    </>
  );
}

/** The add or remove control of an optional object: text, not an icon of a missing font. */
function OptionalDataControlsTemplate(props: OptionalDataControlsTemplateProps) {
  const { id, label, onAddClick, onRemoveClick } = props;
  const onClick = onAddClick ?? onRemoveClick;
  if (!onClick) return <em id={id}>{label}</em>;
  const Icon = onAddClick ? Plus : X;
  return (
    <button type="button" id={id} onClick={onClick} className={TEXT_BUTTON}>
      <Icon className="size-3.5" aria-hidden />
      {label}
    </button>
  );
}

/** The form's templates: the app's buttons and list layout instead of Bootstrap's. */
export const FORM_TEMPLATES: FormProps["templates"] = {
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  ArrayFieldItemButtonsTemplate,
  OptionalDataControlsTemplate,
  ButtonTemplates: {
    AddButton,
    RemoveButton: iconButton(Trash2, TranslatableString.RemoveButton, true),
    MoveUpButton: iconButton(ArrowUp, TranslatableString.MoveUpButton),
    MoveDownButton: iconButton(ArrowDown, TranslatableString.MoveDownButton),
    CopyButton: iconButton(Copy, TranslatableString.CopyButton),
    ClearButton: iconButton(X, TranslatableString.ClearButton),
  },
};
