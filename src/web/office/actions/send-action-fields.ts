import {
  ACTION_INSTRUCTION_MAX,
  type SendAction,
  UPLOAD_ITEMS_MAX,
} from "#src/contracts/actions.ts";
import type { ApiError } from "#src/web/ui/api/api-client.ts";

/**
 * "Actie versturen" as the form holds it, what is wrong with it before sending, and where the
 * server's field-named refusal (`body.templateId`, `body.items.0.label`, `body.clientIds.1`,
 * `body.dueDate` with code `in_past`) lands in it.
 */

export const TITLE_MAX = 200;
export const ITEM_LABEL_MAX = 200;
export const ITEM_DESCRIPTION_MAX = 1000;
export { ACTION_INSTRUCTION_MAX, UPLOAD_ITEMS_MAX };

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A document the upload request asks for; `key` stays the same while others are removed. */
export interface ItemValues {
  key: number;
  label: string;
  description: string;
  required: boolean;
}

export interface SendActionValues {
  kind: SendAction["kind"];
  templateId: string;
  title: string;
  items: ItemValues[];
  clientIds: string[];
  /** "YYYY-MM-DD", or "" for none. */
  dueDate: string;
  /** The date box holds something that is not a whole date (its value is then ""). */
  dueDateIncomplete: boolean;
  instruction: string;
}

/**
 * The fields an error can stand at: an item's by its place in the list, as the server names
 * them (`items.0.label`), and `items` for the list as a whole.
 */
export type SendActionField =
  | "templateId"
  | "title"
  | "items"
  | `items.${number}.label`
  | `items.${number}.description`
  | "clientIds"
  | "dueDate"
  | "instruction";

export type SendActionErrors = Partial<Record<SendActionField, string>>;

export function emptyItem(key: number): ItemValues {
  return { key, label: "", description: "", required: true };
}

/** A new form: a questionnaire, the only client chosen when the dossier has one. */
export function initialValues(clientIds: readonly string[]): SendActionValues {
  return {
    kind: "questionnaire",
    templateId: "",
    title: "",
    items: [emptyItem(1)],
    clientIds: clientIds.length === 1 ? [...clientIds] : [],
    dueDate: "",
    dueDateIncomplete: false,
    instruction: "",
  };
}

/** Today in the Netherlands, "YYYY-MM-DD": the day against which a due date may not be past. */
export function todayInTheNetherlands(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/Amsterdam",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const isDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** What the server gets: trimmed texts, and the optional fields only when filled in. */
export function toSendAction(values: SendActionValues): SendAction {
  const common = {
    clientIds: values.clientIds,
    ...(values.dueDate ? { dueDate: values.dueDate } : {}),
    ...(values.instruction.trim() ? { instruction: values.instruction.trim() } : {}),
  };
  return values.kind === "questionnaire"
    ? { kind: "questionnaire", templateId: values.templateId, ...common }
    : {
        kind: "upload-request",
        title: values.title.trim(),
        items: values.items.map((item) => ({
          label: item.label.trim(),
          ...(item.description.trim() ? { description: item.description.trim() } : {}),
          required: item.required,
        })),
        ...common,
      };
}

/** Every field in the order the form shows it, for the error summary. */
export function fieldOrder(values: SendActionValues): SendActionField[] {
  return [
    ...(values.kind === "questionnaire"
      ? (["templateId"] as const)
      : ([
          "title",
          ...values.items.flatMap((_item, index) => [
            `items.${index}.label` as const,
            `items.${index}.description` as const,
          ]),
          "items",
        ] as const)),
    "clientIds",
    "dueDate",
    "instruction",
  ];
}

/** What is wrong before sending, by field; empty when the form may be sent. */
export function checkSendAction(
  values: SendActionValues,
  today: string,
  t: Translate,
): SendActionErrors {
  const errors: SendActionErrors = {};
  const e = "office.actions.errors";
  if (values.kind === "questionnaire") {
    if (!values.templateId) errors.templateId = t(`${e}.template`);
  } else {
    const title = values.title.trim();
    if (!title) errors.title = t(`${e}.title`);
    else if (title.length > TITLE_MAX) errors.title = t(`${e}.titleTooLong`, { max: TITLE_MAX });
    values.items.forEach((item, index) => {
      const n = index + 1;
      const label = item.label.trim();
      if (!label) errors[`items.${index}.label`] = t(`${e}.itemLabel`, { n });
      else if (label.length > ITEM_LABEL_MAX)
        errors[`items.${index}.label`] = t(`${e}.itemLabelTooLong`, { n, max: ITEM_LABEL_MAX });
      if (item.description.trim().length > ITEM_DESCRIPTION_MAX)
        errors[`items.${index}.description`] = t(`${e}.itemDescriptionTooLong`, {
          n,
          max: ITEM_DESCRIPTION_MAX,
        });
    });
    if (values.items.length === 0) errors.items = t(`${e}.items`);
    else if (values.items.length > UPLOAD_ITEMS_MAX)
      errors.items = t(`${e}.itemsTooMany`, { max: UPLOAD_ITEMS_MAX });
  }
  if (values.clientIds.length === 0) errors.clientIds = t(`${e}.clients`);
  if (values.dueDateIncomplete || (values.dueDate && !isDay(values.dueDate)))
    errors.dueDate = t(`${e}.dueDateInvalid`);
  else if (values.dueDate && values.dueDate < today) errors.dueDate = t(`${e}.dueDatePast`);
  if (values.instruction.trim().length > ACTION_INSTRUCTION_MAX)
    errors.instruction = t(`${e}.instructionTooLong`, { max: ACTION_INSTRUCTION_MAX });
  return errors;
}

/**
 * The server's refusal at the fields it names, in the staff member's words: the server's own
 * detail messages are for programs. A code the form does not know gets "Controleer dit veld".
 */
export function serverSendActionErrors(
  error: ApiError | undefined,
  t: Translate,
): SendActionErrors {
  const errors: SendActionErrors = {};
  const e = "office.actions.errors";
  for (const detail of error?.details ?? []) {
    const [field, index, part] = detail.path.replace(/^body\./, "").split(".");
    const tooLong = detail.code === "too_big";
    const missing = detail.code === "too_small" || detail.code === "invalid_type";
    const set = (key: SendActionField, message: string) => {
      if (!errors[key]) errors[key] = message;
    };
    if (field === "templateId") {
      set("templateId", t(missing ? `${e}.template` : `${e}.templateUnknown`));
    } else if (field === "title") {
      set(
        "title",
        tooLong
          ? t(`${e}.titleTooLong`, { max: TITLE_MAX })
          : missing
            ? t(`${e}.title`)
            : t(`${e}.field`),
      );
    } else if (field === "items" && index !== undefined && /^\d+$/.test(index)) {
      const n = Number(index) + 1;
      if (part === "description") {
        set(
          `items.${Number(index)}.description`,
          tooLong
            ? t(`${e}.itemDescriptionTooLong`, { n, max: ITEM_DESCRIPTION_MAX })
            : t(`${e}.field`),
        );
      } else {
        set(
          `items.${Number(index)}.label`,
          tooLong
            ? t(`${e}.itemLabelTooLong`, { n, max: ITEM_LABEL_MAX })
            : missing
              ? t(`${e}.itemLabel`, { n })
              : t(`${e}.field`),
        );
      }
    } else if (field === "items") {
      set("items", tooLong ? t(`${e}.itemsTooMany`, { max: UPLOAD_ITEMS_MAX }) : t(`${e}.items`));
    } else if (field === "clientIds") {
      set("clientIds", t(detail.code === "unknown" ? `${e}.clientUnknown` : `${e}.clients`));
    } else if (field === "dueDate") {
      set("dueDate", t(detail.code === "in_past" ? `${e}.dueDatePast` : `${e}.dueDateInvalid`));
    } else if (field === "instruction") {
      set(
        "instruction",
        tooLong ? t(`${e}.instructionTooLong`, { max: ACTION_INSTRUCTION_MAX }) : t(`${e}.field`),
      );
    }
  }
  return errors;
}
