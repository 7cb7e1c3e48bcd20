import {
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { PortalQuestionnaire } from "#src/contracts/actions.ts";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { Locale } from "#src/contracts/locale.ts";
import type { RawPageInput } from "#src/contracts/questionnaires/answers.ts";
import type { Page } from "#src/contracts/questionnaires/definition.ts";
import { isComplete } from "#src/contracts/questionnaires/progress.ts";
import { validatePage } from "#src/contracts/questionnaires/validate-page.ts";
import { ApiError, callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import {
  type FieldErrorLink,
  FieldErrorSummary,
} from "#src/web/ui/components/FieldErrorSummary.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { ButtonGroup } from "#src/web/ui/components/FormField.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link, RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { isLocale } from "#src/web/ui/i18n/language.ts";
import { AnswerSummaryList } from "#src/web/ui/questionnaires/AnswerSummaryList.tsx";
import { groupErrorText, questionErrorText } from "#src/web/ui/questionnaires/error-text.ts";
import { groupTargetId, PageFields } from "#src/web/ui/questionnaires/PageFields.tsx";
import { Paragraphs } from "#src/web/ui/questionnaires/Paragraphs.tsx";
import type { FileChooser } from "#src/web/ui/questionnaires/QuestionField.tsx";
import {
  controlId,
  type FieldErrors,
  fieldErrorsOf,
  fieldErrorsOfDetails,
  isGroupItems,
  pagePosition,
  pageVisibility,
  rawPageInput,
  storedAnswers,
  type TypedPage,
  typedPageOf,
} from "#src/web/ui/questionnaires/typed-answers.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { portalPaths } from "../paths.ts";
import { ActionFacts, ActionHeading, BackToActions, LoadingAction } from "./ActionParts.tsx";
import { useDraftUpload } from "./use-draft-upload.tsx";

/**
 * "Invullen" (seed 2.1.2): the questionnaire page by page. "Volgende" checks the page in the
 * browser first (errors beside the fields and in a summary on top), then saves it and goes on;
 * "Vorige" saves what is valid and goes back. The server keeps the page reached, so logging out
 * or going Home and coming back resumes there; what is typed on a page is kept only by saving
 * it. After the last page: the summary with "Wijzigen" per page, "Printen" and "Bevestigen",
 * which files the answers as a PDF under "Door mij aangeleverd".
 */
export function QuestionnaireFill({ actionId }: { actionId: string }) {
  const { t } = useTranslation();
  const loaded = useApiData(portalApi.questionnaire, { params: { actionId } });
  if (!loaded.data) {
    return (
      <LoadingAction
        error={
          loaded.error === undefined
            ? undefined
            : errorMessage(loaded.error, t("portal.errors.load"))
        }
      />
    );
  }
  return <Questionnaire initial={loaded.data} />;
}

type View =
  | { kind: "page"; pageId: string }
  | { kind: "summary" }
  | { kind: "result"; justCompleted: boolean };

function Questionnaire({ initial }: { initial: PortalQuestionnaire }) {
  const { t, i18n } = useTranslation();
  const locale: Locale = isLocale(i18n.language) ? i18n.language : "nl";
  const [data, setData] = useState(initial);
  const { action, definition } = data;
  const answers = storedAnswers(data.answers);
  const actionId = action.id;
  const lastKey = useRef(0);
  const newKey = useCallback(() => {
    lastKey.current += 1;
    return `item-${lastKey.current}`;
  }, []);
  const pageById = (pageId: string): Page | undefined =>
    definition.pages.find((candidate) => candidate.id === pageId);

  const [view, setView] = useState<View>(
    initial.action.state === "completed"
      ? { kind: "result", justCompleted: false }
      : { kind: "page", pageId: initial.pageId },
  );
  const [typed, setTyped] = useState<TypedPage>(() => {
    const page = definition.pages.find((candidate) => candidate.id === initial.pageId);
    return page ? typedPageOf(page, storedAnswers(initial.answers), newKey) : {};
  });
  // Once the client moved within the questionnaire, each new step takes the focus at its
  // heading and scrolls to its top; the page as first opened starts at the top as any page.
  const [moved, setMoved] = useState(false);
  const stepKey = view.kind === "page" ? `page-${view.pageId}` : view.kind;
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new step scrolls to its top
  useEffect(() => {
    if (moved) document.getElementById(stepId)?.scrollIntoView({ block: "start" });
  }, [moved, stepKey]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [generalError, setGeneralError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // Files uploaded on this page and not saved yet: drafts to delete when they are taken off.
  const unsaved = useRef(new Set<string>());
  const dossier = useApiData(portalApi.dossier, { params: { dossierId: action.dossier.id } });
  const upload = useDraftUpload(action.dossier.id, dossier.data?.uploads);

  const openPage = (pageId: string, stored: PortalQuestionnaire["answers"], error?: string) => {
    const page = pageById(pageId);
    setTyped(page ? typedPageOf(page, storedAnswers(stored), newKey) : {});
    setErrors({});
    setGeneralError(error);
    setView({ kind: "page", pageId });
    setMoved(true);
  };

  const refused = (caught: unknown) => {
    if (caught instanceof ApiError && caught.code === "validation_failed") {
      const found = fieldErrorsOfDetails(caught.details);
      if (Object.keys(found).length > 0) {
        setErrors(found);
        setAttempt((n) => n + 1);
        return;
      }
    }
    setGeneralError(errorMessage(caught, t("account.errors.general")));
  };

  const reloadCompleted = async () => {
    const fresh = await callApi(portalApi.questionnaire, { params: { actionId } });
    setData(fresh);
    setView({ kind: "result", justCompleted: false });
  };

  const save = async (pageId: string, answers: RawPageInput, go: "next" | "previous") => {
    setBusy(true);
    setGeneralError(undefined);
    try {
      const saved = await callApi(portalApi.saveQuestionnairePage, {
        params: { actionId, pageId },
        body: { answers, go },
      });
      unsaved.current.clear();
      setData(saved);
      if (go === "next" && saved.pageId === pageId) {
        setErrors({});
        setView({ kind: "summary" });
        setMoved(true);
      } else {
        openPage(saved.pageId, saved.answers);
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "action_completed") {
        await reloadCompleted().catch(() => refused(caught));
      } else {
        refused(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const move = (page: Page, go: "next" | "previous") => {
    const input = rawPageInput(page, typed);
    const checked = validatePage(definition, page.id, input, answers, {
      partial: go === "previous",
    });
    if (!checked.ok) {
      const found = fieldErrorsOf(checked.errors);
      setErrors(found);
      setAttempt((n) => n + 1);
      // An error that no field shows (the page itself) is said on top.
      if (found[""] !== undefined) setGeneralError(t("questionnaires.errors.other"));
      return;
    }
    void save(page.id, input, go);
  };

  const confirm = async () => {
    setBusy(true);
    setGeneralError(undefined);
    try {
      const completed = await callApi(portalApi.completeQuestionnaire, { params: { actionId } });
      setData((previous) => ({ ...previous, action: completed }));
      setView({ kind: "result", justCompleted: true });
      setMoved(true);
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "questionnaire_incomplete") {
        const missing = isComplete(definition, answers);
        openPage(
          missing.complete ? (definition.pages[0]?.id ?? "") : missing.pageId,
          data.answers,
          caught.message,
        );
      } else if (caught instanceof ApiError && caught.code === "action_completed") {
        await reloadCompleted().catch(() => refused(caught));
      } else {
        refused(caught);
      }
    } finally {
      setBusy(false);
    }
  };

  const files: FileChooser = {
    choose: (chosen) =>
      upload.choose(async (drafts) => {
        const [first, ...extra] = drafts;
        for (const draft of extra) await upload.discard(draft.id);
        if (!first) return;
        unsaved.current.add(first.id);
        chosen({ documentId: first.id, name: first.fileName });
      }),
    removed: (file) => {
      if (!unsaved.current.delete(file.documentId)) return;
      void upload.discard(file.documentId);
    },
    unavailable: upload.unavailable,
    busy: upload.busy || busy,
    href: (file) =>
      unsaved.current.has(file.documentId)
        ? undefined
        : pathOf(portalApi.documentContent, { params: { documentId: file.documentId } }),
  };

  const page = view.kind === "page" ? pageById(view.pageId) : undefined;
  const visibility = useMemo(
    () => (page ? pageVisibility(definition, page, typed, answers) : undefined),
    [definition, page, typed, answers],
  );
  const position =
    page && visibility ? pagePosition(definition, visibility.answers, page.id) : undefined;
  const title = action.title[locale];
  useDocumentTitle(
    position
      ? t("portal.actions.questionnaire.documentTitle", { title, ...position })
      : view.kind === "summary"
        ? t("portal.actions.questionnaire.summaryDocumentTitle", { title })
        : title,
  );

  const header = (
    <>
      <BackToActions />
      <ActionHeading action={action} />
      <ActionFacts action={action} withPage={view.kind !== "page"} />
    </>
  );

  if (view.kind === "result") {
    return (
      <div className="poort-questionnaire poort-questionnaire--printable">
        {header}
        <Result data={data} justCompleted={view.justCompleted} locale={locale} moved={moved} />
      </div>
    );
  }

  if (view.kind === "summary") {
    return (
      <div className="poort-questionnaire poort-questionnaire--printable">
        {header}
        <StepHeading moved={moved} id={stepId} key="summary">
          {t("portal.actions.questionnaire.summaryHeading")}
        </StepHeading>
        <Paragraph>{t("portal.actions.questionnaire.summaryIntro")}</Paragraph>
        {generalError && <Alert type="error">{generalError}</Alert>}
        <AnswerSummaryList
          definition={definition}
          answers={answers}
          locale={locale}
          onChangePage={(pageId) => openPage(pageId, data.answers)}
        />
        <div className="poort-no-print">
          <ButtonGroup>
            <Button appearance="primary-action" disabled={busy} onClick={() => void confirm()}>
              {t("portal.actions.questionnaire.confirm")}
            </Button>
            <Button onClick={() => window.print()}>
              {t("portal.actions.questionnaire.print")}
            </Button>
          </ButtonGroup>
          {busy && (
            <Paragraph role="status">{t("portal.actions.questionnaire.confirming")}</Paragraph>
          )}
        </div>
      </div>
    );
  }

  if (!page || !visibility || !position) {
    return (
      <>
        {header}
        <Alert type="error">{t("portal.errors.load")}</Alert>
      </>
    );
  }

  const summaryLinks = errorLinks(page, typed, errors, locale, t);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) move(page, "next");
  };

  return (
    <div className="poort-questionnaire">
      {header}
      <div id={stepId}>
        <Paragraph className="poort-questionnaire__position">
          {t("portal.actions.questionnaire.pageOf", position)}
        </Paragraph>
        <StepHeading moved={moved} key={page.id}>
          {page.title[locale]}
        </StepHeading>
      </div>
      {page.intro && (
        <div className="poort-questionnaire__intro">
          <Paragraphs text={page.intro[locale]} />
        </div>
      )}
      <div className="poort-questionnaire__errors">
        <FieldErrorSummary
          message={summaryLinks.length > 0 ? t("questionnaires.errorSummary") : undefined}
          fields={summaryLinks}
          attempt={attempt}
        />
      </div>
      {generalError && <Alert type="error">{generalError}</Alert>}
      {upload.error && <Alert type="error">{upload.error}</Alert>}
      <form className="poort-questionnaire__form" noValidate onSubmit={onSubmit}>
        <PageFields
          page={page}
          typed={typed}
          onChange={(itemId, value) => {
            const before = typed[itemId];
            // Items added or removed: their errors no longer sit at the same place.
            if (isGroupItems(before) && isGroupItems(value) && before.length !== value.length) {
              setErrors((shown) =>
                Object.fromEntries(
                  Object.entries(shown).filter(([key]) => !key.startsWith(`${itemId}.`)),
                ),
              );
            }
            setTyped((previous) => ({ ...previous, [itemId]: value }));
          }}
          errors={errors}
          visibility={visibility}
          locale={locale}
          files={files}
          newKey={newKey}
        />
        <div className="poort-questionnaire__buttons">
          <ButtonGroup>
            {!position.first && (
              <Button disabled={busy} onClick={() => move(page, "previous")}>
                {t("portal.actions.questionnaire.previous")}
              </Button>
            )}
            <Button type="submit" appearance="primary-action" disabled={busy}>
              {t("portal.actions.questionnaire.next")}
            </Button>
          </ButtonGroup>
          {busy && <Paragraph role="status">{t("portal.actions.questionnaire.saving")}</Paragraph>}
        </div>
      </form>
      {upload.dialog}
    </div>
  );
}

/** The links of the error summary, in the order of the page, each to its field. */
function errorLinks(
  page: Page,
  typed: TypedPage,
  errors: FieldErrors,
  locale: Locale,
  t: ReturnType<typeof useTranslation>["t"],
): FieldErrorLink[] {
  const links: FieldErrorLink[] = [];
  for (const item of page.items) {
    if (item.kind === "question") {
      const code = errors[item.id];
      if (code) {
        links.push({
          id: questionTarget(item.id, item.type, code),
          message: t("questionnaires.errorItem", {
            label: item.label[locale],
            message: questionErrorText(t, code, item),
          }),
        });
      }
      continue;
    }
    const value = typed[item.id];
    const count = isGroupItems(value) ? value.length : 0;
    const groupCode = errors[item.id];
    if (groupCode) {
      links.push({
        id: groupTargetId(item, count),
        message: t("questionnaires.errorItem", {
          label: item.label[locale],
          message: groupErrorText(t, groupCode, item),
        }),
      });
    }
    for (let index = 0; index < count; index++) {
      for (const question of item.questions) {
        const key = `${item.id}.${index}.${question.id}`;
        const code = errors[key];
        if (!code) continue;
        links.push({
          id: questionTarget(key, question.type, code),
          message: t("questionnaires.errorItem", {
            label: t("questionnaires.group.question", {
              item: t("questionnaires.group.item", {
                item: item.itemLabel[locale],
                n: index + 1,
              }),
              label: question.label[locale],
            }),
            message: questionErrorText(t, code, question),
          }),
        });
      }
    }
  }
  return links;
}

const stepId = "questionnaire-step";

/**
 * The heading of a step (a page, the summary, the result): focused when the client moved to it,
 * so screen readers say where they are; a plain heading on the page as it was opened.
 */
function StepHeading({
  moved,
  id,
  children,
}: {
  moved: boolean;
  id?: string;
  children: ReactNode;
}) {
  return moved ? (
    <FocusHeading level={2} id={id}>
      {children}
    </FocusHeading>
  ) : (
    <Heading level={2} id={id}>
      {children}
    </Heading>
  );
}

/** The control an error leads to: for an address, the box the error is about. */
function questionTarget(key: string, type: string, code: string): string {
  const id = controlId(key);
  if (type !== "postcode") return id;
  if (code === "invalid_house_number") return `${id}-house-number`;
  if (code === "invalid_house_number_addition") return `${id}-addition`;
  return id;
}

/** After "Bevestigen", or when a completed questionnaire is opened again ("Bekijken"). */
function Result({
  data,
  justCompleted,
  locale,
  moved,
}: {
  data: PortalQuestionnaire;
  justCompleted: boolean;
  locale: Locale;
  moved: boolean;
}) {
  const { t } = useTranslation();
  const { action } = data;
  const dossierLink = `${portalPaths.dossier(action.dossier.id)}?tab=supplied`;
  const pdf = action.documentId
    ? pathOf(portalApi.documentContent, { params: { documentId: action.documentId } })
    : undefined;
  return (
    <>
      <StepHeading moved={moved} id={stepId} key="result">
        {justCompleted
          ? t("portal.actions.questionnaire.doneHeading")
          : t("portal.actions.questionnaire.completedHeading")}
      </StepHeading>
      <Alert type={justCompleted ? "ok" : "info"}>
        {t(
          justCompleted
            ? "portal.actions.questionnaire.done"
            : "portal.actions.questionnaire.completed",
          {
            number: action.dossier.number,
          },
        )}
      </Alert>
      <ul className="poort-action-result-links poort-no-print">
        {pdf && (
          <li>
            <Link href={pdf} download>
              {t("portal.actions.downloadPdf")}
            </Link>
          </li>
        )}
        <li>
          <RouterLink to={dossierLink}>
            {t("portal.actions.questionnaire.toDossier", { number: action.dossier.number })}
          </RouterLink>
        </li>
      </ul>
      <div className="poort-answer-summary__header">
        <Heading level={2}>{t("portal.actions.questionnaire.answersHeading")}</Heading>
        <Button className="poort-no-print" onClick={() => window.print()}>
          {t("portal.actions.questionnaire.print")}
        </Button>
      </div>
      <AnswerSummaryList
        definition={data.definition}
        answers={storedAnswers(data.answers)}
        locale={locale}
      />
    </>
  );
}
