import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { officeQuestionnaireApi } from "#src/contracts/api/office-questionnaires.ts";
import type { QuestionnaireTemplate } from "#src/contracts/questionnaire-templates.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import {
  Table,
  TableBody,
  TableCell,
  TableHeadings,
  TableRow,
} from "#src/web/ui/components/Table.tsx";
import { formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { FocusNotice } from "../actions/FocusNotice.tsx";
import { ListNotices } from "../components/ListNotices.tsx";
import { isOfficeAdmin } from "../is-admin.ts";
import { officePaths } from "../paths.ts";
import { pick } from "./builder-fields.tsx";
import { CopyTemplateButton } from "./CopyTemplateButton.tsx";
import { QuestionnaireBuilder } from "./QuestionnaireBuilder.tsx";
import { TemplateOverview } from "./TemplateOverview.tsx";
import { type ArrivalState, arrivalOf, useCopyTemplate } from "./use-copy-template.ts";
import "../dossiers/dossiers.css";
import "./questionnaires.css";

const q = "office.questionnaires";

function BackLink() {
  const { t } = useTranslation();
  return (
    <Paragraph className="poort-dossier-back">
      <RouterLink to={officePaths.questionnaires}>{t(`${q}.back`)}</RouterLink>
    </Paragraph>
  );
}

/** "Nieuwe vragenlijst": the builder; once saved (version 1), on to the template's page. */
export function NewQuestionnairePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  useDocumentTitle(t(`${q}.new`));
  return (
    <>
      <BackLink />
      <Heading level={1}>{t(`${q}.new`)}</Heading>
      {isOfficeAdmin(session) ? (
        <QuestionnaireBuilder
          save={async (definition) => {
            const created = await callApi(officeQuestionnaireApi.createTemplate, {
              body: definition,
            });
            const state: ArrivalState = { arrived: "created" };
            navigate(officePaths.questionnaire(created.id), { state });
          }}
        />
      ) : (
        <Alert type="warning">{t(`${q}.noAccess`)}</Alert>
      )}
    </>
  );
}

/**
 * One template: for the office's admins, the builder of their own templates, with its versions
 * and archiving; for other staff and for the library's, what it asks, to read (and, for
 * admins, "Kopiëren").
 */
export function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const { templateId = "" } = useParams();
  const location = useLocation();
  const { session } = useSession();
  const loaded = useApiData(officeQuestionnaireApi.template, { params: { templateId } });
  const [changed, setChanged] = useState<QuestionnaireTemplate>();
  const [notice, setNotice] = useState<string>();
  const template = changed?.id === templateId ? changed : loaded.data;
  const arrived = arrivalOf(location.state);
  const title = template ? pick(template.title, i18n.language) : t(`${q}.title`);
  useDocumentTitle(title);

  const editable = isOfficeAdmin(session) && template !== undefined && !template.library;
  const onChanged = (next: QuestionnaireTemplate, message: string) => {
    setChanged(next);
    setNotice(message);
  };

  return (
    <>
      <BackLink />
      {arrived ? (
        <FocusHeading level={1}>{title}</FocusHeading>
      ) : (
        <Heading level={1}>{title}</Heading>
      )}
      {arrived && !notice && template && (
        <Alert type="ok">
          {t(arrived === "created" ? `${q}.arrived.created` : `${q}.arrived.copied`)}
        </Alert>
      )}
      <FocusNotice message={notice} />
      <ListNotices loading={!template && loaded.loading} loadError={loaded.error} />
      {template && <TemplateFacts template={template} />}
      {template?.archived && <Alert type="warning">{t(`${q}.archivedNotice`)}</Alert>}
      {template && editable && (
        <>
          <QuestionnaireBuilder
            key={`${template.id}-${template.version}`}
            template={template}
            save={async (definition) => {
              const saved = await callApi(officeQuestionnaireApi.saveTemplate, {
                params: { templateId: template.id },
                body: definition,
              });
              onChanged(
                saved,
                saved.version > template.version
                  ? t(`${q}.saved`, { version: saved.version })
                  : t(`${q}.unchanged`, { version: saved.version }),
              );
            }}
          />
          <Versions template={template} />
          <ArchiveSection template={template} onChanged={onChanged} />
        </>
      )}
      {template && !editable && <ReadOnlyTemplate template={template} />}
    </>
  );
}

function TemplateFacts({ template }: { template: QuestionnaireTemplate }) {
  const { t, i18n } = useTranslation();
  return (
    <DataList
      items={[
        {
          key: "kind",
          label: t(`${q}.facts.kind`),
          value: template.library ? t(`${q}.facts.library`) : t(`${q}.facts.own`),
        },
        { key: "version", label: t(`${q}.columns.version`), value: template.version },
        {
          key: "updated",
          label: t(`${q}.columns.updated`),
          value: formatDateTime(template.updatedAt, i18n.language),
        },
        {
          key: "size",
          label: t(`${q}.columns.questions`),
          value: t(`${q}.counts`, {
            questions: template.questionCount,
            pages: template.pageCount,
          }),
        },
      ]}
    />
  );
}

/** The library's templates and, for staff who do not build, the office's: to read, and copy. */
function ReadOnlyTemplate({ template }: { template: QuestionnaireTemplate }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const admin = isOfficeAdmin(session);
  const copy = useCopyTemplate();
  return (
    <>
      {admin ? (
        <section className="poort-section" aria-labelledby="copy-heading">
          <Heading level={2} id="copy-heading">
            {t(`${q}.copyHeading`)}
          </Heading>
          <Paragraph>{t(`${q}.copyIntro`)}</Paragraph>
          {copy.error && <Alert type="error">{copy.error}</Alert>}
          <CopyTemplateButton template={template} copy={copy} appearance="primary-action" />
        </section>
      ) : (
        <Alert type="info">{t(`${q}.readOnly`)}</Alert>
      )}
      <TemplateOverview definition={template.definition} />
      <Versions template={template} />
    </>
  );
}

/** When each version was saved, and by whom: a sent questionnaire keeps its version. */
function Versions({ template }: { template: QuestionnaireTemplate }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="poort-section" aria-labelledby="versions-heading">
      <Heading level={2} id="versions-heading">
        {t(`${q}.versions.heading`)}
      </Heading>
      <Paragraph>{t(`${q}.versions.intro`)}</Paragraph>
      <Table caption={t(`${q}.versions.caption`)}>
        <TableHeadings
          labels={[
            t(`${q}.columns.version`),
            t(`${q}.versions.savedAt`),
            t(`${q}.versions.savedBy`),
          ]}
        />
        <TableBody>
          {template.versions.map((version) => (
            <TableRow key={version.version}>
              <TableCell>{version.version}</TableCell>
              <TableCell>{formatDateTime(version.createdAt, i18n.language)}</TableCell>
              <TableCell>{version.createdByName ?? t(`${q}.versions.library`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

/** "Archiveren": out of the list to send from; what was sent keeps its version. */
function ArchiveSection({
  template,
  onChanged,
}: {
  template: QuestionnaireTemplate;
  onChanged: (template: QuestionnaireTemplate, message: string) => void;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const toggle = () =>
    submit.run(async () => {
      const endpoint = template.archived
        ? officeQuestionnaireApi.unarchiveTemplate
        : officeQuestionnaireApi.archiveTemplate;
      const next = await callApi(endpoint, { params: { templateId: template.id } });
      onChanged(next, t(next.archived ? `${q}.archive.done` : `${q}.archive.undone`));
    });
  return (
    <section className="poort-section" aria-labelledby="archive-heading">
      <Heading level={2} id="archive-heading">
        {t(`${q}.archive.heading`)}
      </Heading>
      <Paragraph>
        {t(template.archived ? `${q}.archive.introArchived` : `${q}.archive.intro`)}
      </Paragraph>
      {submit.error && <Alert type="error">{submit.error.message}</Alert>}
      <Button disabled={submit.busy} onClick={() => void toggle()}>
        {t(template.archived ? `${q}.archive.undo` : `${q}.archive.do`)}
      </Button>
    </section>
  );
}
