import { useTranslation } from "react-i18next";
import type { RequestConfirmation, RequestForm } from "#src/contracts/certificates.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Button } from "#src/web/ui/components/Button.tsx";
import { CertificatePassword } from "#src/web/ui/components/CertificatePassword.tsx";
import { DataList } from "#src/web/ui/components/DataList.tsx";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { UnorderedList, UnorderedListItem } from "#src/web/ui/components/UnorderedList.tsx";
import { formatDate, formatDateTime } from "#src/web/ui/format.ts";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { ServicedeskContact } from "../components/ServicedeskContact.tsx";
import { StepIndicator } from "../components/StepIndicator.tsx";

const notReceivedCauses = ["typo", "nonExistent", "blocked", "spam"] as const;

/**
 * Step 3, the confirmation (A7, A9): when, for which office, where the certificate and the SMS
 * went, and the password, shown this once. Made to be printed.
 */
export function ConfirmationStep({
  form,
  confirmation,
}: {
  form: RequestForm;
  confirmation: RequestConfirmation;
}) {
  const { t, i18n } = useTranslation();
  const organisation = form.organisation;
  useDocumentTitle(t("selfservice.confirmation.title"));
  const items = [
    {
      key: "requestedAt",
      label: t("selfservice.confirmation.requestedAt"),
      value: formatDateTime(confirmation.requestedAt, i18n.language),
    },
    {
      key: "office",
      label: t("selfservice.fields.office"),
      value: confirmation.officeName,
    },
    {
      key: "debtor",
      label: t("selfservice.fields.debtorNumber"),
      value: confirmation.debtorNumber,
    },
    {
      key: "sentTo",
      label: t("selfservice.confirmation.sentTo"),
      value: confirmation.sentTo,
    },
    ...(confirmation.mobile
      ? [{ key: "mobile", label: t("selfservice.confirmation.mobile"), value: confirmation.mobile }]
      : []),
    {
      key: "fileName",
      label: t("selfservice.confirmation.fileName"),
      value: <span translate="no">{confirmation.fileName}</span>,
    },
    {
      key: "notAfter",
      label: t("selfservice.confirmation.notAfter"),
      value: formatDate(confirmation.notAfter, i18n.language),
    },
  ];
  return (
    <div className="poort-confirmation">
      <FocusHeading level={1}>{t("selfservice.confirmation.title")}</FocusHeading>
      <StepIndicator step="confirmation" />
      <Alert type="ok">
        <Paragraph>{t("selfservice.confirmation.done", { sentTo: confirmation.sentTo })}</Paragraph>
      </Alert>
      <DataList items={items} />

      <section className="poort-confirmation__password" aria-labelledby="password-heading">
        <Heading level={2} id="password-heading">
          {t("selfservice.confirmation.passwordHeading")}
        </Heading>
        <Paragraph id="password-intro">{t("selfservice.confirmation.passwordIntro")}</Paragraph>
        <CertificatePassword id="certificate-password" password={confirmation.password} />
        {confirmation.mobile && (
          <Paragraph>
            {t("selfservice.confirmation.smsSent", {
              mobile: confirmation.mobile,
              fileName: confirmation.fileName,
            })}
          </Paragraph>
        )}
        <Paragraph>
          <strong>{t("selfservice.confirmation.printAdvice")}</strong>
        </Paragraph>
        <Paragraph>
          {t("selfservice.confirmation.notAgain", { organisation: organisation.shortName })}
        </Paragraph>
        <Paragraph className="poort-no-print">
          <Button appearance="primary-action" onClick={() => window.print()}>
            {t("selfservice.confirmation.print")}
          </Button>
        </Paragraph>
      </section>

      <Heading level={2}>{t("selfservice.confirmation.mailsHeading")}</Heading>
      <Paragraph>
        {t("selfservice.confirmation.confirmationMail", { registeredEmail: form.registeredEmail })}
      </Paragraph>
      <Paragraph>
        {t("selfservice.confirmation.certificateMail", { sentTo: confirmation.sentTo })}
      </Paragraph>

      <Heading level={2}>{t("selfservice.confirmation.notReceived.heading")}</Heading>
      <Paragraph>{t("selfservice.confirmation.notReceived.intro")}</Paragraph>
      <UnorderedList>
        {notReceivedCauses.map((cause) => (
          <UnorderedListItem key={cause}>
            {t(`selfservice.confirmation.notReceived.${cause}`, { sentTo: confirmation.sentTo })}
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <ServicedeskContact organisation={organisation} />
    </div>
  );
}
