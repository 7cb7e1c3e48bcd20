import type { SubmitState } from "#src/web/ui/api/use-submit.ts";

/** What each way of setting up 2-step verification gets from `SecondFactorSetup`. */
export interface SetupProps {
  submit: SubmitState;
  onConfirmed: (recoveryCodes: string[]) => void;
  onCancel?: () => void;
}
