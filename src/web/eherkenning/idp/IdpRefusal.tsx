import { useTranslation } from "react-i18next";
import type { IdpLoginOutcome } from "#src/contracts/eherkenning/idp.ts";
import { FocusHeading } from "#src/web/ui/components/FocusHeading.tsx";
import { Link } from "#src/web/ui/components/Link.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";

type Refusal = Extract<IdpLoginOutcome, { outcome: "level-too-low" | "no-authorization" }>;

/**
 * Why the service gets no login, and how to get what it needs: a means of the demanded level,
 * or an authorization for the service, both through the application wizard.
 */
export function IdpRefusal({ outcome }: { outcome: Refusal }) {
  const { t } = useTranslation();
  const key = outcome.outcome === "level-too-low" ? "levelTooLow" : "noAuthorization";
  const title = t(`ehIdp.${key}.title`);
  useDocumentTitle(title);
  return (
    <>
      <FocusHeading level={1}>{title}</FocusHeading>
      {outcome.outcome === "level-too-low" ? (
        <Paragraph>
          {t("ehIdp.levelTooLow.explanation", {
            demanded: t(`ehIdp.levels.${outcome.demandedLevel}`),
            held: t(`ehIdp.levels.${outcome.meansLevel}`),
          })}
        </Paragraph>
      ) : (
        <Paragraph>{t("ehIdp.noAuthorization.explanation")}</Paragraph>
      )}
      <Paragraph>{t(`ehIdp.${key}.howTo`)}</Paragraph>
      <Paragraph>
        <Link href="/eherkenning/aanvragen">{t("ehIdp.apply")}</Link>
      </Paragraph>
    </>
  );
}
