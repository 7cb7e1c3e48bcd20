import type { ApplicationView } from "#src/contracts/eherkenning/wizard.ts";

/** What each step of the wizard gets: the application as saved, and the way to other steps. */
export interface StepProps {
  application: ApplicationView;
  /** Moves to `step` (after a save), reading the application anew. */
  goTo: (step: number) => void;
  reload: () => void;
}
