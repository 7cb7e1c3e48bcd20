import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import { bvFormation } from "./bv-formation.ts";
import { prenuptialAgreement } from "./prenuptial-agreement.ts";
import { propertyTransfer } from "./property-transfer.ts";
import { willIntake } from "./will-intake.ts";

/**
 * The questionnaires Poort ships to every office (issue 13): an office copies one into its own
 * templates and adapts it there, so these are never stored or changed in place. `key` names
 * the starter, stable across releases, for the back office to list and copy.
 */
export interface StarterQuestionnaire {
  key: string;
  definition: QuestionnaireDefinition;
}

export const starterLibrary: readonly StarterQuestionnaire[] = deepFreeze([
  { key: "property-transfer", definition: propertyTransfer },
  { key: "will-intake", definition: willIntake },
  { key: "prenuptial-agreement", definition: prenuptialAgreement },
  { key: "bv-formation", definition: bvFormation },
]);

/**
 * Frozen to the last text: the starters are shared by every office and request, so an edit
 * that forgot to copy first (`structuredClone`) throws instead of changing them for everyone.
 */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
