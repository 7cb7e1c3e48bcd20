import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import { officeQuestionnaireApi } from "#src/contracts/api/office-questionnaires.ts";
import type { OfficeDossier } from "#src/contracts/dossiers.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { FieldErrorSummary } from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import {
  CheckboxField,
  Fieldset,
  RadioField,
  SelectField,
  TextField,
} from "#src/web/ui/components/FormField.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TextAreaField } from "#src/web/ui/components/TextAreaField.tsx";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";
import { officePaths } from "../paths.ts";
import {
  ACTION_INSTRUCTION_MAX,
  checkSendAction,
  emptyItem,
  fieldOrder,
  ITEM_DESCRIPTION_MAX,
  ITEM_LABEL_MAX,
  initialValues,
  type SendActionErrors,
  type SendActionField,
  type SendActionValues,
  serverSendActionErrors,
  TITLE_MAX,
  todayInTheNetherlands,
  toSendAction,
  UPLOAD_ITEMS_MAX,
} from "./send-action-fields.ts";
import "../components/edit-list.css";

const f = "office.actions.form";

/**
 * "Actie versturen" to clients of a dossier: a questionnaire (one of the office's own templates,
 * not archived) or an upload request (a title and the documents wanted), to one or more of the
 * dossier's clients (each gets an action of their own), with an optional due date and
 * instruction. Errors stand at their fields and in a summary that takes the focus.
 */
export function SendActionForm({
  dossier,
  onCancel,
  onSent,
}: {
  dossier: OfficeDossier;
  onCancel: () => void;
  onSent: (actions: OfficeAction[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const templates = useApiData(officeQuestionnaireApi.templates);
  const submit = useSubmit();
  const [values, setValues] = useState<SendActionValues>(() =>
    initialValues(dossier.clients.map((client) => client.id)),
  );
  const [errors, setErrors] = useState<SendActionErrors>({});
  const [attempt, setAttempt] = useState(0);
  const nextItemKey = useRef(2);
  const dueDateInput = useRef<HTMLInputElement>(null);
  const today = todayInTheNetherlands();
  const locale = localeOfLanguage(i18n.language);

  const sendable = (templates.data?.templates ?? []).filter(
    (template) => !template.library && !template.archived,
  );

  const set = <K extends keyof SendActionValues>(key: K, value: SendActionValues[K]) =>
    setValues((previous) => ({ ...previous, [key]: value }));
  const setItem = (key: number, change: Partial<SendActionValues["items"][number]>) =>
    setValues((previous) => ({
      ...previous,
      items: previous.items.map((item) => (item.key === key ? { ...item, ...change } : item)),
    }));

  const ids = {
    kind: `${id}-kind`,
    templateId: `${id}-template`,
    title: `${id}-title`,
    addItem: `${id}-add-item`,
    itemLabel: (key: number) => `${id}-item-${key}-label`,
    itemDescription: (key: number) => `${id}-item-${key}-description`,
    client: (clientId: string) => `${id}-client-${clientId}`,
    clients: `${id}-clients`,
    dueDate: `${id}-due-date`,
    instruction: `${id}-instruction`,
  };

  /** The control an error's link in the summary moves the focus to. */
  const controlOf = (field: SendActionField): string => {
    const item = /^items\.(\d+)\.(label|description)$/.exec(field);
    if (item) {
      const key = values.items[Number(item[1])]?.key ?? 0;
      return item[2] === "label" ? ids.itemLabel(key) : ids.itemDescription(key);
    }
    switch (field) {
      case "templateId":
        return ids.templateId;
      case "title":
        return ids.title;
      case "clientIds":
        return ids.client(dossier.clients[0]?.id ?? "");
      case "dueDate":
        return ids.dueDate;
      case "instruction":
        return ids.instruction;
      default:
        return ids.addItem;
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const checked = {
      ...values,
      dueDateIncomplete: dueDateInput.current?.validity.badInput ?? false,
    };
    const found = checkSendAction(checked, today, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      submit.setError(undefined);
      return;
    }
    let sent: OfficeAction[] = [];
    const ok = await submit.run(async () => {
      const answer = await callApi(officeApi.sendAction, {
        params: { dossierId: dossier.id },
        body: toSendAction(checked),
      });
      sent = answer.actions;
    });
    if (ok) onSent(sent);
  };

  const serverErrors = serverSendActionErrors(submit.error, t);
  const shown: SendActionErrors = submit.error ? serverErrors : errors;
  const links = fieldOrder(values)
    .filter((field) => shown[field])
    .map((field) => ({ id: controlOf(field), message: shown[field] ?? "" }));
  const summary = links.length > 0 ? t("account.errors.fixFields") : submit.error?.message;

  const addItem = () => {
    const key = nextItemKey.current++;
    setValues((previous) => ({ ...previous, items: [...previous.items, emptyItem(key)] }));
    // The new document's name field takes the focus once it is there.
    requestAnimationFrame(() => document.getElementById(ids.itemLabel(key))?.focus());
  };
  const removeItem = (index: number) => {
    const remaining = values.items.filter((_item, at) => at !== index);
    setValues((previous) => ({ ...previous, items: remaining }));
    // The focus goes to the document now in its place, or the one before it.
    const next = remaining[Math.min(index, remaining.length - 1)];
    requestAnimationFrame(() =>
      document.getElementById(next ? ids.itemLabel(next.key) : ids.addItem)?.focus(),
    );
  };

  return (
    <section className="poort-action-compose" aria-labelledby={`${id}-heading`}>
      <FocusHeading level={3} id={`${id}-heading`}>
        {t(`${f}.heading`, { number: dossier.number })}
      </FocusHeading>
      <FieldErrorSummary message={summary} fields={links} attempt={attempt} />
      <form className="poort-form poort-action-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <Fieldset legend={t(`${f}.kind`)}>
          <RadioField
            id={`${ids.kind}-questionnaire`}
            name={ids.kind}
            label={t("office.actions.kind.questionnaire")}
            checked={values.kind === "questionnaire"}
            onChange={() => set("kind", "questionnaire")}
          />
          <RadioField
            id={`${ids.kind}-upload-request`}
            name={ids.kind}
            label={t("office.actions.kind.uploadRequest")}
            checked={values.kind === "upload-request"}
            onChange={() => set("kind", "upload-request")}
          />
        </Fieldset>

        {values.kind === "questionnaire" && (
          <>
            {templates.error !== undefined && (
              <Alert type="error">
                {errorMessage(templates.error, t("account.errors.general"))}
              </Alert>
            )}
            {templates.data && sendable.length === 0 && (
              <Alert type="info">
                {t(`${f}.noTemplates`)}{" "}
                <RouterLink to={officePaths.questionnaires}>{t(`${f}.templatesLink`)}</RouterLink>
              </Alert>
            )}
            <SelectField
              id={ids.templateId}
              label={t(`${f}.template`)}
              value={values.templateId}
              onChange={(event) => set("templateId", event.target.value)}
              disabled={!templates.data}
              error={shown.templateId}
              options={[
                {
                  value: "",
                  label: templates.data ? t(`${f}.chooseTemplate`) : t("account.loading"),
                },
                ...sendable.map((template) => ({
                  value: template.id,
                  label: t(`${f}.templateOption`, {
                    title: template.title[locale],
                    version: template.version,
                  }),
                })),
              ]}
            />
          </>
        )}

        {values.kind === "upload-request" && (
          <>
            <TextField
              id={ids.title}
              label={t(`${f}.title`)}
              description={t(`${f}.titleHint`)}
              autoComplete="off"
              maxLength={TITLE_MAX}
              value={values.title}
              onChange={(event) => set("title", event.target.value)}
              error={shown.title}
            />
            <ErrorFieldset
              legend={t(`${f}.items`)}
              error={shown.items}
              errorId={`${id}-items-error`}
            >
              <ol className="poort-edit-list">
                {values.items.map((item, index) => {
                  const n = index + 1;
                  return (
                    <li key={item.key} className="poort-action-item">
                      <Fieldset legend={t(`${f}.itemHeading`, { n })}>
                        <TextField
                          id={ids.itemLabel(item.key)}
                          label={t(`${f}.itemLabel`)}
                          autoComplete="off"
                          maxLength={ITEM_LABEL_MAX}
                          value={item.label}
                          onChange={(event) => setItem(item.key, { label: event.target.value })}
                          error={shown[`items.${index}.label`]}
                        />
                        <TextAreaField
                          id={ids.itemDescription(item.key)}
                          label={t(`${f}.itemDescription`)}
                          rows={2}
                          maxLength={ITEM_DESCRIPTION_MAX}
                          value={item.description}
                          onChange={(event) =>
                            setItem(item.key, { description: event.target.value })
                          }
                          error={shown[`items.${index}.description`]}
                        />
                        <CheckboxField
                          id={`${id}-item-${item.key}-required`}
                          label={t(`${f}.itemRequired`)}
                          checked={item.required}
                          onChange={(event) =>
                            setItem(item.key, { required: event.target.checked })
                          }
                        />
                        {values.items.length > 1 && (
                          <div>
                            <Button appearance="subtle" onClick={() => removeItem(index)}>
                              {t(`${f}.removeItem`, { n })}
                            </Button>
                          </div>
                        )}
                      </Fieldset>
                    </li>
                  );
                })}
              </ol>
              {values.items.length < UPLOAD_ITEMS_MAX && (
                <div>
                  <Button id={ids.addItem} onClick={addItem}>
                    <span aria-hidden="true">+ </span>
                    {t(`${f}.addItem`)}
                  </Button>
                </div>
              )}
            </ErrorFieldset>
          </>
        )}

        <ErrorFieldset
          legend={t(`${f}.clients`)}
          description={t(`${f}.clientsHint`)}
          descriptionId={`${ids.clients}-description`}
          error={shown.clientIds}
          errorId={`${ids.clients}-error`}
        >
          {dossier.clients.length === 0 && <Paragraph>{t(`${f}.noClients`)}</Paragraph>}
          {dossier.clients.map((client) => (
            <CheckboxField
              key={client.id}
              id={ids.client(client.id)}
              label={client.name}
              checked={values.clientIds.includes(client.id)}
              onChange={(event) => {
                const checked = event.target.checked;
                set(
                  "clientIds",
                  checked
                    ? [...values.clientIds, client.id]
                    : values.clientIds.filter((chosen) => chosen !== client.id),
                );
              }}
            />
          ))}
        </ErrorFieldset>

        <TextField
          ref={dueDateInput}
          id={ids.dueDate}
          type="date"
          label={t(`${f}.dueDate`)}
          description={t(`${f}.dueDateHint`)}
          min={today}
          value={values.dueDate}
          onChange={(event) => set("dueDate", event.target.value)}
          error={shown.dueDate}
        />
        <TextAreaField
          id={ids.instruction}
          label={t(`${f}.instruction`)}
          description={t(`${f}.instructionHint`)}
          rows={4}
          maxLength={ACTION_INSTRUCTION_MAX}
          value={values.instruction}
          onChange={(event) => set("instruction", event.target.value)}
          error={shown.instruction}
        />

        <div role="status">{submit.busy ? t(`${f}.busy`) : ""}</div>
        <div className="poort-action-buttons">
          <Button type="submit" appearance="primary-action" disabled={submit.busy}>
            {t(`${f}.send`)}
          </Button>
          <Button onClick={onCancel} disabled={submit.busy}>
            {t(`${f}.cancel`)}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * A group of fields under a legend, with a description and an error for the group as a whole
 * (such as "Kies ten minste één cliënt"), tied to it with aria-describedby.
 */
function ErrorFieldset({
  legend,
  description,
  descriptionId,
  error,
  errorId,
  children,
}: {
  legend: string;
  description?: string;
  descriptionId?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  const describedBy =
    [description && descriptionId, error && errorId].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${
        error ? " utrecht-form-fieldset--invalid" : ""
      }`}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {description && (
        <div id={descriptionId} className="utrecht-form-field-description">
          {description}
        </div>
      )}
      {error && (
        <div id={errorId} className="utrecht-form-field-error-message">
          {error}
        </div>
      )}
      {children}
    </fieldset>
  );
}
