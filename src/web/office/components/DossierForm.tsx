import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createDossierSchema,
  type DossierOptions,
  type DossierStatus,
  type ProgressTemplateKey,
} from "#src/contracts/dossiers.ts";
import type { ApiError } from "#src/web/ui/api/api-client.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { SelectField, TextField } from "#src/web/ui/components/FormField.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { type FieldErrors, fieldsOfApiError, fieldsOfIssues } from "../dossiers/field-errors.ts";
import { statusLabel } from "../dossiers/labels.ts";
import { type ClientOption, ClientPicker } from "./ClientPicker.tsx";

/** What the form holds; "" stands for "none" in the selects. */
export interface DossierFormValues {
  number: string;
  description: string;
  status: string;
  handlerId: string;
  clientIds: string[];
  template: ProgressTemplateKey | "";
}

/** What the form sends: the fields of a new dossier, or all fields of an existing one. */
export interface DossierFormBody {
  number: string;
  description: string;
  status: string;
  handlerId: string | null;
  clientIds: string[];
  template?: ProgressTemplateKey;
}

export const emptyDossierForm: DossierFormValues = {
  number: "",
  description: "",
  status: "in-progress",
  handlerId: "",
  clientIds: [],
  template: "",
};

const fields = ["number", "description", "status", "handlerId", "clientIds", "template"] as const;
type Field = (typeof fields)[number];

/**
 * Number, description, status, handler and clients of a dossier, for a new dossier (with a
 * progress template to start from) and for changing one. `save` sends the body and returns the
 * notice to show, if the form stays on screen.
 */
export function DossierForm({
  idPrefix,
  options,
  initial,
  current,
  withTemplate,
  submitLabel,
  save,
}: {
  idPrefix: string;
  options: DossierOptions;
  initial: DossierFormValues;
  /** What the dossier has now, kept selectable even when no longer among the options. */
  current?: {
    status: DossierStatus;
    handler: { id: string; name: string } | null;
    clients: ClientOption[];
  };
  withTemplate: boolean;
  submitLabel: string;
  save: (body: DossierFormBody) => Promise<string | undefined>;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [summary, setSummary] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const [notice, setNotice] = useState<string>();
  const id = (field: string) => `${idPrefix}-${field}`;

  const fieldMessage = (field: Field): string =>
    field === "number"
      ? t("office.dossiers.errors.number")
      : field === "description"
        ? t("office.dossiers.errors.description")
        : field === "clientIds"
          ? t("office.dossiers.errors.clients")
          : t("office.dossiers.errors.field");

  const statuses = withCurrent(options.statuses, current?.status, (s) => s.key);
  const handlers = withCurrent(options.handlers, current?.handler ?? undefined, (h) => h.id);
  const clients = current ? mergeClients(options.clients, current.clients) : options.clients;

  const set = <K extends keyof DossierFormValues>(key: K, value: DossierFormValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const body: DossierFormBody = {
      number: values.number.trim(),
      description: values.description.trim(),
      status: values.status,
      handlerId: values.handlerId || null,
      clientIds: values.clientIds,
      ...(withTemplate && values.template ? { template: values.template } : {}),
    };
    const checked = createDossierSchema.safeParse(body);
    if (!checked.success) {
      const wrong = fieldsOfIssues(checked.error.issues, fields);
      setErrors(Object.fromEntries(wrong.map((field) => [field, fieldMessage(field)])));
      setSummary(t("account.errors.fixFields"));
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    setSummary(undefined);
    let outcome: string | undefined;
    const ok = await submit.run(async () => {
      outcome = await save(body);
    });
    if (ok) setNotice(outcome);
  };

  // A refusal by the API lands in submit.error; show it beside the fields it names.
  const apiError: ApiError | undefined = submit.error;
  const apiFields = apiError ? fieldsOfApiError(apiError, fields) : [];
  const numberTaken = apiError?.code === "dossier_number_taken";
  const shownErrors: FieldErrors<Field> = apiError
    ? {
        ...Object.fromEntries(apiFields.map((field) => [field, fieldMessage(field)])),
        ...(numberTaken ? { number: apiError.message } : {}),
      }
    : errors;
  const summaryMessage = apiError
    ? apiFields.length > 0 || numberTaken
      ? t("account.errors.fixFields")
      : apiError.message
    : summary;
  const summaryLinks = fields
    .filter((field) => shownErrors[field])
    .map((field) => ({
      // The clients have no single control: the link leads to their filter.
      id: field === "clientIds" ? id("client-filter") : id(field),
      message: shownErrors[field] ?? "",
    }));
  const template = options.templates.find((candidate) => candidate.key === values.template);

  return (
    <>
      <FieldErrorSummary message={summaryMessage} fields={summaryLinks} attempt={attempt} />
      {notice && <Alert type="ok">{notice}</Alert>}
      <form className="poort-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <TextField
          id={id("number")}
          label={t("office.dossiers.fields.number")}
          autoComplete="off"
          maxLength={40}
          value={values.number}
          onChange={(event) => set("number", event.target.value)}
          error={shownErrors.number}
        />
        <TextField
          id={id("description")}
          label={t("office.dossiers.fields.description")}
          autoComplete="off"
          maxLength={300}
          value={values.description}
          onChange={(event) => set("description", event.target.value)}
          error={shownErrors.description}
        />
        <SelectField
          id={id("status")}
          label={t("office.dossiers.fields.status")}
          value={values.status}
          onChange={(event) => set("status", event.target.value)}
          options={statuses.map((status) => ({
            value: status.key,
            label: statusLabel(status, t),
          }))}
        />
        <SelectField
          id={id("handlerId")}
          label={t("office.dossiers.fields.handler")}
          value={values.handlerId}
          onChange={(event) => set("handlerId", event.target.value)}
          options={[
            { value: "", label: t("office.dossiers.fields.noHandler") },
            ...handlers.map((handler) => ({ value: handler.id, label: handler.name })),
          ]}
        />
        <ClientPicker
          idPrefix={idPrefix}
          clients={clients}
          chosen={values.clientIds}
          onChange={(clientIds) => set("clientIds", clientIds)}
          error={shownErrors.clientIds}
        />
        {withTemplate && (
          <div>
            <SelectField
              id={id("template")}
              label={t("office.dossiers.fields.template")}
              value={values.template}
              onChange={(event) =>
                set(
                  "template",
                  options.templates.find((candidate) => candidate.key === event.target.value)
                    ?.key ?? "",
                )
              }
              options={[
                { value: "", label: t("office.dossiers.fields.noTemplate") },
                ...options.templates.map((candidate) => ({
                  value: candidate.key,
                  label: t(`office.dossiers.templates.${candidate.key}`),
                })),
              ]}
            />
            {template && template.steps.length > 0 && (
              <>
                <Paragraph appearance="small">
                  {t("office.dossiers.fields.templateSteps")}
                </Paragraph>
                <ol className="utrecht-ordered-list">
                  {template.steps.map((step) => (
                    <li key={step} className="utrecht-ordered-list__item">
                      {step}
                    </li>
                  ))}
                </ol>
              </>
            )}
          </div>
        )}
        <div>
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </>
  );
}

/** The options, with the dossier's current choice added when it is no longer among them. */
function withCurrent<T>(options: T[], current: T | undefined, key: (item: T) => string): T[] {
  if (!current || options.some((option) => key(option) === key(current))) return options;
  return [current, ...options];
}

function mergeClients(options: ClientOption[], linked: ClientOption[]): ClientOption[] {
  const known = new Set(options.map((client) => client.id));
  return [...linked.filter((client) => !known.has(client.id)), ...options];
}
