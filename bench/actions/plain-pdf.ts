import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import type { Locale } from "#src/contracts/locale.ts";
import { answerSummary } from "#src/contracts/questionnaires/answer-summary.ts";
import type { Answers } from "#src/contracts/questionnaires/answers.ts";
import type { QuestionnaireDefinition } from "#src/contracts/questionnaires/definition.ts";
import type { answersPdf } from "#src/server/modules/actions/complete-questionnaire.ts";

/**
 * The baselines of the PDF bench: what pdfkit costs for the same content without Poort's tagging
 * and layout, and what the fonts alone cost.
 */

/** The office, dossier and completion that `answersPdf` prints above the answers. */
export type PdfFacts = Parameters<typeof answersPdf>[3];

/** As answers-pdf.ts: A4, its margins and line gap, DejaVu Sans in the same sizes. */
const MARGINS = { top: 57, bottom: 68, left: 62, right: 62 };
const TEXT_WIDTH = 595.28 - MARGINS.left - MARGINS.right;
const resolve = createRequire(import.meta.url).resolve;
const fontFiles = {
  regular: resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"),
  bold: resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"),
  italic: resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf"),
};

/** An A4 document in these margins and the regular font, and its bytes once it has ended. */
function newDocument(): { doc: PDFKit.PDFDocument; finished: Promise<Buffer> } {
  const doc = new PDFDocument({ size: "A4", margins: MARGINS, font: fontFiles.regular });
  const chunks: Uint8Array[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, finished };
}

/**
 * The baseline: the same title, facts, headings, labels and answers (through the same
 * `answerSummary`) as plain lines that pdfkit breaks and flows onto new pages by itself. No
 * structure tree or marked content, no measuring to keep a label with its answer, no "continued"
 * lines, no page numbers (so no buffered pages), no XMP metadata.
 */
export function plainPdf(
  definition: QuestionnaireDefinition,
  answers: Answers,
  locale: Locale,
  facts: PdfFacts,
): Promise<Buffer> {
  const { doc, finished } = newDocument();
  const line = (font: keyof typeof fontFiles, size: number, text: string, indent = 0) => {
    doc.font(fontFiles[font]).fontSize(size);
    doc.text(text, MARGINS.left + indent, doc.y, { width: TEXT_WIDTH - indent, lineGap: 2.5 });
  };
  const when = new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(facts.completedAt);
  line("bold", 18, definition.title[locale]);
  line("regular", 10, `Notariskantoor: ${facts.officeName}`);
  line("regular", 10, `Dossier: ${facts.dossier.number}: ${facts.dossier.description}`);
  line("regular", 10, `Ingevuld door: ${facts.completedBy}`);
  line("regular", 10, `Afgerond op: ${when}`);
  const answer = (entry: { label: string; answer: string | null }) => {
    line("bold", 10.5, entry.label);
    if (entry.answer?.trim()) line("regular", 10.5, entry.answer, 12);
    else line("italic", 10.5, "Niet ingevuld", 12);
  };
  for (const section of answerSummary(definition, answers, locale)) {
    doc.moveDown();
    line("bold", 13.5, section.heading);
    for (const entry of section.entries) {
      if ("groupHeading" in entry) {
        line("bold", 11.5, entry.groupHeading);
        entry.entries.forEach(answer);
      } else {
        answer(entry);
      }
    }
  }
  doc.end();
  return finished;
}

/**
 * What every PDF in these fonts costs before any answer: one line in each of the three, so that
 * pdfkit reads, parses, subsets and embeds all three, as both other renders do.
 */
export function fontsOnlyPdf(): Promise<Buffer> {
  const { doc, finished } = newDocument();
  for (const font of Object.values(fontFiles)) doc.font(font).fontSize(10.5).text("Niet ingevuld");
  doc.end();
  return finished;
}
