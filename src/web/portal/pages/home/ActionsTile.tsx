import { useTranslation } from "react-i18next";
import { portalPaths } from "#src/web/portal/paths.ts";
import { Paragraph } from "#src/web/ui/components/Paragraph.tsx";
import { Tile } from "#src/web/ui/components/Tile.tsx";

interface ActionsTileProps {
  /** How many actions are open; undefined while the counts load. */
  open?: number;
}

/**
 * The Acties tile on Home: how many actions wait for the client (questionnaires and requests
 * for documents), "0" included, since the manual tells clients that 0 means there is nothing
 * (left) to fill in. It always leads to Acties, where completed ones stay to look back at.
 */
export function ActionsTile({ open }: ActionsTileProps) {
  const { t } = useTranslation();
  return (
    <Tile heading={t("portal.home.actions.title")} to={portalPaths.actions}>
      {open !== undefined && (
        <Paragraph>{t("portal.home.actions.open", { number: open })}</Paragraph>
      )}
    </Tile>
  );
}
