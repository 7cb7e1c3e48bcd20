import { useTranslation } from "react-i18next";
import type { OfficeDetail } from "#src/contracts/certificates.ts";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { BouncesTable } from "./BouncesTable.tsx";

/** The mails to this office that bounced (A9), so the servicedesk can call the office. */
export function OfficeBouncesSection({ office }: { office: OfficeDetail }) {
  const { t } = useTranslation();
  return (
    <section className="poort-section" aria-labelledby="office-bounces-heading">
      <Heading level={2} id="office-bounces-heading">
        {t("servicedesk.certificates.bounces.title")}
      </Heading>
      {office.bounces.length === 0 ? (
        <Paragraph>{t("servicedesk.certificates.bounces.noneForOffice")}</Paragraph>
      ) : (
        <BouncesTable
          caption={t("servicedesk.certificates.bounces.officeCaption", { office: office.name })}
          bounces={office.bounces}
        />
      )}
    </section>
  );
}
