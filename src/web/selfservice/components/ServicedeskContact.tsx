import { useTranslation } from "react-i18next";
import type { Organisation } from "#src/contracts/certificates.ts";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { RichText } from "#src/web/ui/components/RichText.tsx";

/** `tel:` address of a phone number as written, e.g. "070-3307135" → "tel:0703307135". */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}

/** "Voor eventuele vragen of problemen …": the servicedesk's e-mail address and phone. */
export function ServicedeskContact({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  return (
    <Paragraph>
      <RichText
        text={t("selfservice.contact", { organisation: organisation.shortName })}
        parts={{
          email: () => (
            <Link href={`mailto:${organisation.servicedeskEmail}`}>
              {organisation.servicedeskEmail}
            </Link>
          ),
          phone: () => (
            <Link href={telHref(organisation.servicedeskPhone)} className="poort-nowrap">
              {organisation.servicedeskPhone}
            </Link>
          ),
        }}
      />
    </Paragraph>
  );
}
