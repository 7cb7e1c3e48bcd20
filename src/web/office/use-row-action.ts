import { useState } from "react";
import { useSubmit } from "../ui/api/use-submit.ts";

/**
 * One action on a row of a table (resend an invitation, change a role), with the notice or
 * error to show above the table; the list is fetched again afterwards.
 */
export function useRowAction(reload: () => void) {
  const submit = useSubmit();
  const [notice, setNotice] = useState<string>();
  const act = async (action: () => Promise<void>, success: string) => {
    setNotice(undefined);
    const ok = await submit.run(action);
    if (ok) setNotice(success);
    reload();
  };
  return { act, notice, busy: submit.busy, error: submit.error };
}

export type RowAction = ReturnType<typeof useRowAction>;
