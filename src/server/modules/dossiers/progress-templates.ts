import type { ProgressTemplateKey } from "#src/contracts/dossiers.ts";
import type { Locale } from "#src/contracts/locale.ts";

/**
 * The usual steps of the three most common kinds of dossier, as a start for a progress list;
 * the office edits the list freely afterwards. Steps are written in the language of the staff
 * member who creates the dossier.
 */
const templates: Record<ProgressTemplateKey, Record<Locale, string[]>> = {
  "property-transfer": {
    nl: [
      "Koopovereenkomst ontvangen",
      "Kadaster en registers geraadpleegd",
      "Hypotheekstukken ontvangen",
      "Concept-akte verstuurd",
      "Nota van afrekening verstuurd",
      "Gelden ontvangen",
      "Akte gepasseerd",
      "Akte ingeschreven in het Kadaster",
    ],
    en: [
      "Purchase agreement received",
      "Land registry and registers checked",
      "Mortgage documents received",
      "Draft deed sent",
      "Settlement statement sent",
      "Funds received",
      "Deed executed",
      "Deed registered with the Land Registry",
    ],
  },
  will: {
    nl: [
      "Intakegesprek gevoerd",
      "Vragenlijst ontvangen",
      "Concept-testament verstuurd",
      "Testament getekend",
      "Ingeschreven in het Centraal Testamentenregister",
    ],
    en: [
      "Intake meeting held",
      "Questionnaire received",
      "Draft will sent",
      "Will signed",
      "Registered in the Central Wills Register",
    ],
  },
  "company-formation": {
    nl: [
      "Gegevens oprichters ontvangen",
      "Identificatie oprichters gecontroleerd",
      "Concept-oprichtingsakte verstuurd",
      "Oprichtingsakte getekend",
      "Ingeschreven in het Handelsregister",
    ],
    en: [
      "Founders' details received",
      "Founders' identity checked",
      "Draft deed of incorporation sent",
      "Deed of incorporation signed",
      "Registered in the Trade Register",
    ],
  },
};

export function progressTemplateSteps(key: ProgressTemplateKey, locale: Locale): string[] {
  return templates[key][locale];
}

export function progressTemplates(locale: Locale) {
  return (Object.keys(templates) as ProgressTemplateKey[]).map((key) => ({
    key,
    steps: progressTemplateSteps(key, locale),
  }));
}
