import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { accountApi } from "#src/contracts/api/account.ts";
import { paths } from "#src/web/ui/account/paths.ts";
import { callApi } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useSubmit } from "#src/web/ui/api/use-submit.ts";
import { Button } from "#src/web/ui/components/Button.tsx";
import { ErrorSummary } from "#src/web/ui/components/ErrorSummary.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import type { OfficeChoiceState } from "./OfficeChoiceGate.tsx";
import { officeLabel } from "./office-label.ts";
import "../portal.css";

/**
 * "Kies een notariskantoor": a login that is a client of several offices chooses whose dossiers
 * it sees (ADR 0011); after a login, or later to switch. The page asked for follows, or Home.
 */
export function ChooseOfficePage() {
  const { t } = useTranslation();
  const { session, refresh } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const returnTo = (location.state ?? {}) as OfficeChoiceState;
  const submit = useSubmit();
  useDocumentTitle(t("portal.chooseOffice.title"));
  const choice = session?.officeChoice;
  const offices = choice?.offices ?? [];
  const current = offices.find((office) => office.id === choice?.current);

  const choose = (membershipId: string) =>
    void submit.run(async () => {
      await callApi(accountApi.chooseOffice, { body: { membershipId } });
      await refresh();
      navigate(returnTo.from ?? paths.home, { replace: true, state: returnTo.fromState });
    });

  return (
    <>
      <Heading level={1}>{t("portal.chooseOffice.title")}</Heading>
      <Paragraph>
        {offices.length === 0 ? t("portal.chooseOffice.none") : t("portal.chooseOffice.intro")}
      </Paragraph>
      {current && (
        <Paragraph>
          {t("portal.chooseOffice.current", { office: officeLabel(t, current) })}
        </Paragraph>
      )}
      <ErrorSummary>{submit.error?.message}</ErrorSummary>
      {offices.length > 0 && (
        <ul className="poort-office-choice">
          {offices.map((office) => (
            <li key={office.id}>
              <Button
                appearance={office.id === current?.id ? "secondary-action" : "primary-action"}
                disabled={submit.busy}
                aria-current={office.id === current?.id ? "true" : undefined}
                onClick={() => choose(office.id)}
              >
                {officeLabel(t, office)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
