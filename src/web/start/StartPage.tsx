import { useTranslation } from "react-i18next";
import { areaHref, areaList } from "../ui/areas.ts";
import { Heading } from "../ui/components/Heading.tsx";
import { Paragraph } from "../ui/components/Paragraph.tsx";
import { useDocumentTitle } from "../ui/use-document-title.ts";
import { AreaCard } from "./AreaCard.tsx";
import { useDevOutboxAvailable } from "./use-dev-outbox-available.ts";

/** What Poort is, and the way into each area. */
export function StartPage() {
  const { t } = useTranslation();
  const showDevMailbox = useDevOutboxAvailable();
  useDocumentTitle(t("app.tagline"));
  return (
    <>
      <Heading level={1}>{t("start.title")}</Heading>
      <Paragraph appearance="lead">{t("start.lead")}</Paragraph>
      <Heading level={2}>{t("start.areasHeading")}</Heading>
      <Paragraph>{t("start.choose")}</Paragraph>
      <ul className="poort-area-cards">
        {areaList.map((area) => (
          <AreaCard
            key={area.id}
            href={areaHref(area)}
            name={t(`areas.${area.id}.name`)}
            summary={t(`areas.${area.id}.summary`)}
          />
        ))}
        {showDevMailbox && (
          <AreaCard
            href="/dev/mailbox"
            name={t("devMailbox.name")}
            summary={t("start.devMailboxSummary")}
          />
        )}
      </ul>
    </>
  );
}
