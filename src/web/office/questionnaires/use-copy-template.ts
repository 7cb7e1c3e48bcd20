import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { officeQuestionnaireApi } from "#src/contracts/api/office-questionnaires.ts";
import { callApi, errorMessage } from "#src/web/ui/api/api-client.ts";
import { officePaths } from "../paths.ts";

/** What a template's page says on arrival: it was just made, copied or saved (as a version). */
export interface ArrivalState {
  arrived: "created" | "copied";
}

export function arrivalOf(state: unknown): ArrivalState["arrived"] | undefined {
  if (typeof state !== "object" || state === null || !("arrived" in state)) return undefined;
  const { arrived } = state as ArrivalState;
  return arrived === "created" || arrived === "copied" ? arrived : undefined;
}

/** "Kopiëren": a new template of the office from this one, then on to the copy's page. */
export function useCopyTemplate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (templateId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const copy = await callApi(officeQuestionnaireApi.copyTemplate, { params: { templateId } });
      const state: ArrivalState = { arrived: "copied" };
      navigate(officePaths.questionnaire(copy.id), { state });
    } catch (caught) {
      setError(errorMessage(caught, t("account.errors.general")));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

export type CopyTemplate = ReturnType<typeof useCopyTemplate>;
