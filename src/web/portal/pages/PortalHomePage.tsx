import { useTranslation } from "react-i18next";
import { portalApi } from "#src/contracts/api/portal.ts";
import { paths } from "#src/web/ui/account/paths.ts";
import { errorMessage } from "#src/web/ui/api/api-client.ts";
import { useSession } from "#src/web/ui/api/session.tsx";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { Heading } from "#src/web/ui/components/Heading.tsx";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Tile, TileList } from "#src/web/ui/components/Tile.tsx";
import { useDocumentTitle } from "#src/web/ui/use-document-title.ts";
import { portalPaths } from "../paths.ts";
import { ActionsTile } from "./home/ActionsTile.tsx";

/** The portal's home page: tiles for the dossiers, the actions and "Mijn gegevens". */
export function PortalHomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const overview = useApiData(portalApi.overview);
  useDocumentTitle(t("portal.home.title"));
  const name = session?.account?.name;
  const data = overview.data;

  return (
    <>
      <Heading level={1}>
        {name ? t("portal.home.welcome", { name }) : t("portal.home.title")}
      </Heading>
      <Paragraph appearance="lead">{t("portal.home.intro")}</Paragraph>
      {overview.error !== undefined && (
        <Alert type="error">{errorMessage(overview.error, t("portal.errors.load"))}</Alert>
      )}
      {!data && overview.error === undefined && <Paragraph>{t("portal.loading")}</Paragraph>}
      <TileList>
        <Tile heading={t("portal.home.dossiers.title")} to={portalPaths.dossiers}>
          {data && (
            <Paragraph>
              {data.dossiers.inProgress + data.dossiers.other === 0
                ? t("portal.home.dossiers.none")
                : t("portal.home.dossiers.summary", {
                    inProgress: data.dossiers.inProgress,
                    other: data.dossiers.other,
                  })}
            </Paragraph>
          )}
          {data && (
            <Paragraph>
              {data.unread.messages === 0
                ? t("portal.home.unread.noMessages")
                : t("portal.home.unread.messages", { count: data.unread.messages })}
            </Paragraph>
          )}
          {data && data.unread.documents > 0 && (
            <Paragraph>
              {t("portal.home.unread.documents", { count: data.unread.documents })}
            </Paragraph>
          )}
        </Tile>
        <ActionsTile open={data?.actions.open} />
        <Tile heading={t("account.myDetails.title")} to={paths.myDetails}>
          <Paragraph>{t("portal.home.myDetails.summary")}</Paragraph>
        </Tile>
      </TileList>
    </>
  );
}
