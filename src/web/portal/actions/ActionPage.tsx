import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { portalApi } from "#src/contracts/api/portal.ts";
import { ApiError, errorMessage } from "#src/web/ui/api/api-client.ts";
import { useApiData } from "#src/web/ui/api/use-api-data.ts";
import { LoadingAction } from "./ActionParts.tsx";
import { QuestionnaireFill } from "./QuestionnaireFill.tsx";
import { UploadRequestView } from "./UploadRequestView.tsx";

/**
 * One action (`/acties/:actionId`): "Invullen" of a questionnaire, "Aanleveren" of an upload
 * request, or either to look back at once completed.
 */
export function ActionPage() {
  const { t } = useTranslation();
  const { actionId = "" } = useParams();
  const found = useApiData(portalApi.action, { params: { actionId } });
  const action = found.data;

  if (!action) {
    const notFound = found.error instanceof ApiError && found.error.status === 404;
    return (
      <LoadingAction
        error={
          found.error === undefined
            ? undefined
            : notFound
              ? t("portal.actions.notFound")
              : errorMessage(found.error, t("portal.errors.load"))
        }
      />
    );
  }
  return action.kind === "questionnaire" ? (
    <QuestionnaireFill key={action.id} actionId={action.id} />
  ) : (
    <UploadRequestView key={action.id} initial={action} />
  );
}
