import { useState } from "react";
import { useTranslation } from "react-i18next";
import { officeQuestionnaireApi } from "#src/contracts/api/office-questionnaires.ts";
import type { QuestionnaireTemplateListItem } from "#src/contracts/questionnaire-templates.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { CheckboxField } from "#src/web/ui/components/FormField.tsx";
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
import { ListNotices } from "../components/ListNotices.tsx";
import { isOfficeAdmin } from "../is-admin.ts";
import { officePaths } from "../paths.ts";
import { pick } from "./builder-fields.tsx";
import { CopyTemplateButton } from "./CopyTemplateButton.tsx";
import { type CopyTemplate, useCopyTemplate } from "./use-copy-template.ts";
import "./questionnaires.css";

const q = "office.questionnaires";

/**
 * "Vragenlijsten": the office's questionnaire templates and the starter library. Admins make
 * new ones and copy any (the library's to make them their own); every staff member reads them.
 */
export function QuestionnairesPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const admin = isOfficeAdmin(session);
  const [withArchived, setWithArchived] = useState(false);
  const list = useApiData(officeQuestionnaireApi.templates, {
    query: withArchived ? { archived: "include" } : {},
  });
  const copy = useCopyTemplate();
  useDocumentTitle(t(`${q}.title`));

  const templates = list.data?.templates;

  return (
    <>
      <Heading level={1}>{t(`${q}.title`)}</Heading>
      <Paragraph appearance="lead">{t(`${q}.intro`)}</Paragraph>
      {admin ? (
        <Paragraph>
          <RouterLink to={officePaths.newQuestionnaire}>{t(`${q}.new`)}</RouterLink>
        </Paragraph>
      ) : (
        <Alert type="info">{t(`${q}.readOnly`)}</Alert>
      )}
      <ListNotices loading={!templates && list.loading} loadError={list.error} />
      {copy.error && <Alert type="error">{copy.error}</Alert>}

      <section className="poort-section" aria-labelledby="own-heading">
        <Heading level={2} id="own-heading">
          {t(`${q}.ownHeading`)}
        </Heading>
        <CheckboxField
          id="show-archived"
          label={t(`${q}.showArchived`)}
          checked={withArchived}
          onChange={(event) => setWithArchived(event.target.checked)}
        />
        <TemplateTable
          templates={templates?.filter((template) => !template.library)}
          caption={t(`${q}.ownCaption`)}
          empty={t(`${q}.ownEmpty`)}
          withChanges
          copy={admin ? copy : undefined}
        />
      </section>

      <section className="poort-section" aria-labelledby="library-heading">
        <Heading level={2} id="library-heading">
          {t(`${q}.libraryHeading`)}
        </Heading>
        <Paragraph>{t(`${q}.libraryIntro`)}</Paragraph>
        <TemplateTable
          templates={templates?.filter((template) => template.library)}
          caption={t(`${q}.libraryCaption`)}
          empty={t(`${q}.libraryEmpty`)}
          copy={admin ? copy : undefined}
        />
      </section>
    </>
  );
}

/**
 * Templates with their title (leading to the template), version and size; the office's own
 * also when they last changed and whether they are archived. With `copy` (for admins), each
 * row has "Kopiëren". Says `empty` when the list came back without any.
 */
function TemplateTable({
  templates,
  caption,
  empty,
  withChanges = false,
  copy,
}: {
  templates: QuestionnaireTemplateListItem[] | undefined;
  caption: string;
  empty: string;
  withChanges?: boolean;
  copy: CopyTemplate | undefined;
}) {
  const { t, i18n } = useTranslation();
  if (!templates) return null;
  if (templates.length === 0) return <Paragraph>{empty}</Paragraph>;
  return (
    <Table caption={caption}>
      <TableHeadings
        labels={[
          t(`${q}.columns.title`),
          t(`${q}.columns.version`),
          t(`${q}.columns.questions`),
          ...(withChanges ? [t(`${q}.columns.updated`), t(`${q}.columns.state`)] : []),
          ...(copy ? [t(`${q}.columns.action`)] : []),
        ]}
      />
      <TableBody>
        {templates.map((template) => (
          <TableRow key={template.id}>
            <TableCell>
              <RouterLink to={officePaths.questionnaire(template.id)}>
                {pick(template.title, i18n.language)}
              </RouterLink>
            </TableCell>
            <TableCell>{template.version}</TableCell>
            <TableCell>
              {t(`${q}.counts`, {
                questions: template.questionCount,
                pages: template.pageCount,
              })}
            </TableCell>
            {withChanges && (
              <>
                <TableCell>{formatDateTime(template.updatedAt, i18n.language)}</TableCell>
                <TableCell>
                  {template.archived ? t(`${q}.state.archived`) : t(`${q}.state.active`)}
                </TableCell>
              </>
            )}
            {copy && (
              <TableCell>
                <CopyTemplateButton template={template} copy={copy} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
