import { answersPdf } from "#src/server/modules/actions/complete-questionnaire.ts";
import { storedAnswers } from "./answers.ts";
import { fontsOnlyPdf, type PdfFacts, plainPdf } from "./plain-pdf.ts";
import { benchDefinition } from "./questionnaire.ts";

/** The three renders the PDF bench compares, of the whole questionnaire answered. */

export type Renderer = "poort" | "plain" | "fonts";

const PDF_FACTS: PdfFacts = {
  officeName: "Notariskantoor Van den Berg & De Groot",
  dossier: { number: "2026.01234", description: "Testament en levenstestament J.M. IJsselstein" },
  completedBy: "Johanna Maria IJsselstein",
  completedAt: new Date("2026-12-06T14:30:00Z"),
};

export function renderers(): Record<Renderer, () => Promise<Buffer>> {
  const definition = benchDefinition();
  const answers = storedAnswers(definition, definition.pages.length);
  return {
    poort: () => answersPdf(definition, answers, "nl", PDF_FACTS),
    plain: () => plainPdf(definition, answers, "nl", PDF_FACTS),
    fonts: fontsOnlyPdf,
  };
}
