import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-client.ts";

export interface SubmitState {
  busy: boolean;
  /** The failure of the last attempt: an ApiError, or undefined after success. */
  error?: ApiError;
  /** Runs the action once at a time; a failure lands in `error`, never thrown. */
  run: (action: () => Promise<void>) => Promise<boolean>;
  setError: (error: ApiError | undefined) => void;
}

/** The busy flag and error of a form that calls the API. */
export function useSubmit(): SubmitState {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true);
      setError(undefined);
      try {
        await action();
        return true;
      } catch (caught) {
        setError(
          caught instanceof ApiError && caught.code !== "unknown"
            ? caught
            : new ApiError(0, "unknown", t("account.errors.general")),
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  return { busy, error, run, setError };
}
