import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { portalApi } from "#src/contracts/api/portal.ts";
import type { PortalDossier } from "#src/contracts/dossiers.ts";
import { ApiError, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { RouterLink } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { type TabItem, Tabs } from "#src/web/ui/components/Tabs.tsx";
import { formatDate } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { portalPaths } from "../paths.ts";
import { statusLabel } from "../status-label.ts";
import { DocumentsPanel } from "./dossier/DocumentsPanel.tsx";
import { MessagesPanel } from "./dossier/MessagesPanel.tsx";
import { ProgressDetails } from "./dossier/ProgressDetails.tsx";
import { useReloadOnReturn } from "./dossier/use-reload-on-return.ts";
import "../portal.css";

const tabKeys = ["correspondence", "documents", "supplied", "messages"] as const;
type TabKey = (typeof tabKeys)[number];

const isTabKey = (value: string | null): value is TabKey => tabKeys.some((key) => key === value);

/**
 * One dossier: its status and handler, the progress (closed until asked for) and four tabs:
 * Correspondentie, Documenten, Door mij aangeleverd and Berichten. The open tab is in the
 * address (`?tab=`), so a reload or the way back keeps it.
 */
export function DossierPage() {
  const { t, i18n } = useTranslation();
  const { dossierId = "" } = useParams();
  const dossier = useApiData(portalApi.dossier, { params: { dossierId } });
  const data = dossier.data;
  useDocumentTitle(
    data ? t("portal.dossier.title", { number: data.number }) : t("portal.dossiers.title"),
  );
  // Back from a document opened in another tab: the unread counts may have dropped.
  useReloadOnReturn(dossier.reload);

  const notFound = dossier.error instanceof ApiError && dossier.error.status === 404;
  const back = <RouterLink to={portalPaths.dossiers}>{t("portal.dossier.back")}</RouterLink>;

  if (!data) {
    return (
      <>
        <Heading level={1}>{t("portal.dossier.loadingTitle")}</Heading>
        {notFound && <Alert type="error">{t("portal.dossier.notFound")}</Alert>}
        {dossier.error !== undefined && !notFound && (
          <Alert type="error">{errorMessage(dossier.error, t("portal.errors.load"))}</Alert>
        )}
        {dossier.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
        <Paragraph>{back}</Paragraph>
      </>
    );
  }

  return (
    <>
      <Paragraph>{back}</Paragraph>
      <Heading level={1}>
        {t("portal.dossier.heading", { number: data.number, description: data.description })}
      </Heading>
      {dossier.error !== undefined && (
        <Alert type="error">{errorMessage(dossier.error, t("portal.errors.load"))}</Alert>
      )}
      {data.leavesPortalOn && (
        <Alert type="warning">
          {t("portal.dossier.leaves", { date: formatDate(data.leavesPortalOn, i18n.language) })}
        </Alert>
      )}
      <DataList
        items={[
          { key: "number", label: t("portal.dossier.fields.number"), value: data.number },
          {
            key: "status",
            label: t("portal.dossier.fields.status"),
            value: statusLabel(data.status, t),
          },
          {
            key: "handler",
            label: t("portal.dossier.fields.handler"),
            value: data.handlerName ?? t("portal.dossier.noHandler"),
          },
          { key: "office", label: t("portal.dossier.fields.office"), value: data.officeName },
        ]}
      />
      <ProgressDetails progress={data.progress} />
      <DossierTabs dossier={data} onCountsChanged={dossier.reload} />
    </>
  );
}

function DossierTabs({
  dossier,
  onCountsChanged,
}: {
  dossier: PortalDossier;
  onCountsChanged: () => void;
}) {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get("tab");
  const selected: TabKey = isTabKey(requested) ? requested : "correspondence";

  const select = (key: TabKey) => {
    const next = new URLSearchParams(searchParams);
    next.set("tab", key);
    setSearchParams(next, { replace: true, preventScrollReset: true });
  };

  const label = (key: TabKey) => {
    const name = t(`dossiers.category.${key}`);
    const { total, unread } = dossier.tabs[key];
    return unread > 0
      ? t("portal.dossier.tabUnread", { label: name, total, unread })
      : t("portal.dossier.tab", { label: name, total });
  };

  const tabs: TabItem<TabKey>[] = tabKeys.map((key) => ({
    key,
    label: label(key),
    panel:
      key === "messages" ? (
        <MessagesPanel
          dossierId={dossier.id}
          uploads={dossier.uploads}
          onCountsChanged={onCountsChanged}
        />
      ) : (
        <DocumentsPanel
          dossierId={dossier.id}
          category={key}
          uploads={key === "supplied" ? dossier.uploads : undefined}
          onCountsChanged={onCountsChanged}
        />
      ),
  }));

  return (
    <Tabs
      id="dossier"
      label={t("portal.dossier.tabsLabel")}
      tabs={tabs}
      selected={selected}
      onSelect={select}
    />
  );
}
