import { useEffect, useState } from "react";
import type { LoginArea } from "#src/contracts/accounts.ts";
import { accountApi } from "#src/contracts/api/account.ts";
import { ApiError, callApi } from "../api/api-client.ts";

export type LinkCheck =
  | { status: "checking" }
  | {
      status: "valid";
      purpose: "invitation" | "email-confirmation" | "password-reset";
      area: LoginArea;
    }
  /** Expired, used, or never a link of ours. */
  | { status: "invalid" }
  | { status: "failed"; error: unknown };

/** What a mailed link is for, or that it can no longer be used. */
export function useLinkState(token: string): LinkCheck {
  const [check, setCheck] = useState<LinkCheck>({ status: "checking" });
  useEffect(() => {
    const controller = new AbortController();
    setCheck({ status: "checking" });
    callApi(accountApi.linkState, { params: { token }, signal: controller.signal }).then(
      (answer) => setCheck({ status: "valid", ...answer }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const invalid =
          error instanceof ApiError &&
          (error.status === 410 || error.status === 400 || error.status === 404);
        setCheck(invalid ? { status: "invalid" } : { status: "failed", error });
      },
    );
    return () => controller.abort();
  }, [token]);
  return check;
}
