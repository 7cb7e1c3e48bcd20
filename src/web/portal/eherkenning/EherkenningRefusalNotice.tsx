import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "#src/web/ui/components/Alert.tsx";
import { refusalFromQuery } from "./refusal.ts";

const k = "portal.eherkenning.refusal";

/** At the top of the login page: why the eHerkenning login just tried was turned away. */
export function EherkenningRefusalNotice() {
  const { t } = useTranslation();
  const [query] = useSearchParams();
  const found = refusalFromQuery(query);
  if (!found) return null;
  return (
    <Alert type="error">
      {t(`${k}.${found.refusal}`)}
      {found.level && ` ${t(`${k}.levelDemanded`, { level: found.level })}`}
    </Alert>
  );
}
