import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { eherkenningBeheerApi } from "#src/contracts/api/eherkenning-beheer.ts";
import { type QueueState, queueStateSchema } from "#src/contracts/eherkenning/review.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { TableCell } from "#src/web/ui/components/Table.tsx";
import { Tabs } from "#src/web/ui/components/Tabs.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { beheerPaths } from "../paths.ts";
import { ListTable } from "./ListTable.tsx";

/**
 * "Aanvragen": the queue by state, oldest first. The state lives in the address, so back and
 * forward restore the tab.
 */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = queueStateSchema.safeParse(searchParams.get("state"));
  const state: QueueState = parsed.success ? parsed.data : "review";
  useDocumentTitle(t("ehReview.queue.title"));

  return (
    <>
      <Heading level={1}>{t("ehReview.queue.title")}</Heading>
      <Paragraph>{t("ehReview.queue.intro")}</Paragraph>
      <Tabs
        id="queue-state"
        label={t("ehReview.queue.filter")}
        tabs={queueStateSchema.options.map((option) => ({
          key: option,
          label: t(`ehReview.states.${option}`),
          panel: <QueueTable state={option} />,
        }))}
        selected={state}
        onSelect={(next) => setSearchParams({ state: next })}
      />
    </>
  );
}

/** The applications in one state, loaded when its tab opens. */
function QueueTable({ state }: { state: QueueState }) {
  const { t, i18n } = useTranslation();
  const list = useApiData(eherkenningBeheerApi.applications, { query: { state } });
  return (
    <ListTable
      list={list}
      items={list.data?.applications}
      empty={t("ehReview.queue.empty")}
      caption={t("ehReview.queue.caption", { state: t(`ehReview.states.${state}`) })}
      headings={[
        t("ehReview.columns.reference"),
        t("ehReview.columns.company"),
        t("ehReview.columns.level"),
        t("ehReview.columns.user"),
        t("ehReview.columns.submitted"),
      ]}
      cells={(application) => (
        <>
          <TableCell>
            <RouterLink to={beheerPaths.application(application.id)}>
              {application.reference}
            </RouterLink>
          </TableCell>
          <TableCell>
            {application.companyName ?? "–"}
            {application.kvkNumber && (
              <>
                <br />
                {t("ehReview.kvkNumber", { number: application.kvkNumber })}
              </>
            )}
          </TableCell>
          <TableCell>{application.level ?? "–"}</TableCell>
          <TableCell>{application.userName ?? "–"}</TableCell>
          <TableCell>
            {application.submittedAt ? formatDate(application.submittedAt, i18n.language) : "–"}
          </TableCell>
        </>
      )}
    />
  );
}
