import { useTranslation } from "react-i18next";
import type { OfficeAction } from "#src/contracts/actions.ts";
import { officeApi } from "#src/contracts/api/office.ts";
import type {
  SummaryAnswer,
  SummaryGroupItem,
} from "#src/contracts/questionnaires/answer-summary.ts";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import { pathOf } from "#src/web/ui/api/endpoint-path.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { localeOfLanguage } from "#src/web/ui/i18n/language.ts";
import { ListNotices } from "../components/ListNotices.tsx";
import { answerSections } from "./answer-sections.ts";

const p = "office.actions.page";

type Authors = Record<string, { name: string; at: string }>;

/** The stored value behind a summary's key ("naam", or "erfgenaam.2.erfgenaam_naam"). */
function storedValue(answers: Answers, key: string): unknown {
  const [id = "", index, question = ""] = key.split(".");
  const value = answers[id];
  if (index === undefined) return value;
  return Array.isArray(value)
    ? (value[Number(index) - 1] as Record<string, unknown>)?.[question]
    : undefined;
}

/** A file question's answer: the document the upload became in the dossier. */
function fileOf(value: unknown): { documentId: string; name: string } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { documentId, name } = value as { documentId?: unknown; name?: unknown };
  return typeof documentId === "string" && typeof name === "string"
    ? { documentId, name }
    : undefined;
}

/**
 * A questionnaire's answers for the office, page by page as the client saw them (the version
 * it was sent with), with who gave each answer and when, and the downloads: CSV and JSON, and
 * the PDF filed in the dossier once it is completed.
 */
export function QuestionnaireAnswers({ action }: { action: OfficeAction }) {
  const { t, i18n } = useTranslation();
  const answers = useApiData(officeApi.actionAnswers, { params: { actionId: action.id } });
  const data = answers.data;
  const params = { params: { actionId: action.id } };
  const stored = (data?.answers ?? {}) as Answers;
  const sections = data
    ? answerSections(data.definition, stored, localeOfLanguage(i18n.language))
    : undefined;

  return (
    <section className="poort-section" aria-labelledby="action-answers-heading">
      <Heading level={2} id="action-answers-heading">
        {t(`${p}.answersHeading`)}
      </Heading>
      <ul className="poort-action-downloads">
        <li>
          <Link href={pathOf(officeApi.actionAnswersCsv, params)}>{t(`${p}.downloadCsv`)}</Link>
        </li>
        <li>
          <Link href={pathOf(officeApi.actionAnswersJson, params)}>{t(`${p}.downloadJson`)}</Link>
        </li>
        {action.state === "completed" && action.documentId && (
          <li>
            <Link
              href={pathOf(officeApi.documentContent, {
                params: { documentId: action.documentId },
              })}
            >
              {t(`${p}.downloadPdf`)}
            </Link>
          </li>
        )}
      </ul>
      <ListNotices loading={!data && answers.loading} loadError={answers.error} />
      {data && Object.keys(data.answers).length === 0 && (
        <Paragraph>{t(`${p}.nothingAnswered`)}</Paragraph>
      )}
      {sections?.map((section) => (
        <div key={section.pageId}>
          <Heading level={3}>{section.heading}</Heading>
          <dl className="poort-answers">
            {section.entries.map((entry) =>
              "emptyGroupId" in entry ? (
                <div key={entry.emptyGroupId} className="poort-answers__entry">
                  <dt className="poort-answers__label">{entry.label}</dt>
                  <dd className="poort-answers__value">
                    <span className="poort-answers__empty">{t(`${p}.notAnswered`)}</span>
                  </dd>
                </div>
              ) : "groupHeading" in entry ? (
                <GroupItem
                  key={entry.groupHeading}
                  item={entry}
                  answers={stored}
                  authors={data?.authors ?? {}}
                />
              ) : (
                <AnswerEntry
                  key={entry.key}
                  entry={entry}
                  answers={stored}
                  authors={data?.authors ?? {}}
                />
              ),
            )}
          </dl>
        </div>
      ))}
    </section>
  );
}

/** "Ingevuld door Jan Jansen op 12 mei 2026 14:03:07". */
function AuthorLine({ author }: { author?: { name: string; at: string } }) {
  const { t, i18n } = useTranslation();
  if (!author) return null;
  return (
    <span className="poort-answers__author">
      {t(`${p}.answeredBy`, {
        name: author.name,
        date: formatDateTime(author.at, i18n.language),
      })}
    </span>
  );
}

function AnswerEntry({
  entry,
  answers,
  authors,
  inGroup = false,
}: {
  entry: SummaryAnswer;
  answers: Answers;
  authors: Authors;
  /** A group's question: who answered is told once, for the whole group item. */
  inGroup?: boolean;
}) {
  const { t } = useTranslation();
  const file = entry.answer === null ? undefined : fileOf(storedValue(answers, entry.key));
  return (
    <div className="poort-answers__entry">
      <dt className="poort-answers__label">{entry.label}</dt>
      <dd className="poort-answers__value">
        {entry.answer === null ? (
          <span className="poort-answers__empty">{t(`${p}.notAnswered`)}</span>
        ) : file ? (
          <Link
            href={pathOf(officeApi.documentContent, { params: { documentId: file.documentId } })}
            aria-label={t(`${p}.downloadFile`, { file: file.name })}
          >
            {file.name}
          </Link>
        ) : (
          <span className="poort-answers__text">{entry.answer}</span>
        )}
        {!inGroup && entry.answer !== null && <AuthorLine author={authors[entry.answerId]} />}
      </dd>
    </div>
  );
}

/** "Erfgenaam 1", its questions in a list of their own. */
function GroupItem({
  item,
  answers,
  authors,
}: {
  item: SummaryGroupItem;
  answers: Answers;
  authors: Authors;
}) {
  const answerId = item.entries[0]?.answerId;
  return (
    <div className="poort-answers__entry poort-answers__group">
      <dt className="poort-answers__label">{item.groupHeading}</dt>
      <dd className="poort-answers__value">
        <AuthorLine author={answerId ? authors[answerId] : undefined} />
        <dl className="poort-answers">
          {item.entries.map((entry) => (
            <AnswerEntry
              key={entry.key}
              entry={entry}
              answers={answers}
              authors={authors}
              inGroup
            />
          ))}
        </dl>
      </dd>
    </div>
  );
}
