import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * The answers of a completed questionnaire as a tagged PDF (issue 13), for the dossier.
 *
 * Accessibility (PDF/UA-minded, not claimed: nobody has run a PDF/UA validator on it yet):
 * - title in the document info and XMP metadata, shown by viewers instead of the file name
 *   (`DisplayDocTitle`); the document's language in the catalog (`/Lang`);
 * - a structure tree (`/MarkInfo << /Marked true >>`): Document > H1, the facts, one Sect per
 *   section (H2) and per item of a repeating group (H3), every page's content in it or marked
 *   as an artifact (page numbers, the "continued" line at the top of a page, the rule);
 * - fonts embedded (DejaVu Sans, which has every Latin letter a Dutch or European name needs:
 *   Ĳ, Ç, Ø, ë, …, and €), not the standard 14 fonts, which know only WinAnsi.
 *
 * Each label and its answer form one list item, L > LI > Lbl (the label) + LBody (the answer),
 * the PDF form of a definition list (ISO 32000 calls Lbl "a bullet, number, or dictionary
 * headword"; the L says `ListNumbering /None`). We chose that over a Table (TR > TH Scope Row +
 * TD) because the page shows the answer under its label, not beside it, and answers can run for
 * pages: a list item keeps label and answer together in reading order, screen readers announce
 * the number of items and read "label, answer" without table navigation, and reflow shows the
 * same stacked form. An empty answer is the `emptyAnswer` text, in italics and grey, never
 * blank space.
 */
export interface AnswersPdfInput {
  /** The questionnaire's title in the client's language: heading and document title. */
  title: string;
  language: "nl" | "en";
  /** Lines under the title: office name, dossier, who completed it and when (already formatted). */
  facts: AnswersPdfFact[];
  /** One per page of the questionnaire. */
  sections: AnswersPdfSection[];
  /** Written for an answer that is null or blank, e.g. "Niet ingevuld" / "Not answered". */
  emptyAnswer: string;
  /** The footer of each page, e.g. `Pagina ${page} van ${total}`. */
  pageLabel: (page: number, total: number) => string;
  /** The line at the top of a page where an answer goes on, e.g. `${label} (vervolg)`. */
  continuedLabel: (label: string) => string;
  /** The document's creation date (from the injected clock), which also keeps output stable. */
  createdAt: Date;
}

export interface AnswersPdfFact {
  label: string;
  value: string;
}

export interface AnswersPdfSection {
  heading: string;
  entries: AnswersPdfEntry[];
}

export interface AnswersPdfAnswer {
  label: string;
  /** null (or only white space): written as the input's `emptyAnswer`, visibly marked. */
  answer: string | null;
}

/** One item of a repeating group, e.g. "Erfgenaam 2", with its own answers. */
export interface AnswersPdfGroupItem {
  groupHeading: string;
  entries: AnswersPdfAnswer[];
}

export type AnswersPdfEntry = AnswersPdfAnswer | AnswersPdfGroupItem;

// A4 in points, margins of about 22 mm beside and 20 mm above the text; the footer sits in the
// bottom margin.
const A4 = { width: 595.28, height: 841.89 };
const MARGINS = { top: 57, bottom: 68, left: 62, right: 62 };
const TEXT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
const FOOTER_Y = A4.height - 44;
const ANSWER_INDENT = 12;
const LINE_GAP = 2.5;
/** Lines of an answer that must fit under its label before a label may end a page. */
const KEEP_ANSWER_LINES = 3;

const BLACK = "#1a1a1a";
/** 7.5:1 on white: well above the 4.5:1 that WCAG asks for text. */
const GREY = "#555555";

type FontName = "regular" | "bold" | "italic";

interface TextStyle {
  font: FontName;
  size: number;
  color: string;
}

const STYLES = {
  title: { font: "bold", size: 18, color: BLACK },
  section: { font: "bold", size: 13.5, color: BLACK },
  group: { font: "bold", size: 11.5, color: BLACK },
  factLabel: { font: "regular", size: 10, color: GREY },
  factValue: { font: "regular", size: 10, color: BLACK },
  label: { font: "bold", size: 10.5, color: BLACK },
  answer: { font: "regular", size: 10.5, color: BLACK },
  empty: { font: "italic", size: 10.5, color: GREY },
  running: { font: "italic", size: 8.5, color: GREY },
} satisfies Record<string, TextStyle>;

/** DejaVu Sans from the `dejavu-fonts-ttf` package (Bitstream Vera licence, changes public domain). */
const FONT_FILES: Record<FontName, string> = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  italic: "dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf",
};

let fontPaths: Record<FontName, string> | undefined;

function resolveFonts(): Record<FontName, string> {
  if (!fontPaths) {
    const require = createRequire(import.meta.url);
    fontPaths = {
      regular: require.resolve(FONT_FILES.regular),
      bold: require.resolve(FONT_FILES.bold),
      italic: require.resolve(FONT_FILES.italic),
    };
  }
  return fontPaths;
}

/**
 * pdfkit writes the title into the XMP metadata as it is, without escaping `&` or `<` (0.20.2):
 * a title like "Testament & volmacht" would make the metadata invalid XML. The info dictionary
 * takes a string's value (`valueOf`), the XMP template its `toString`, so this gives each its
 * own form.
 */
class XmpSafeText extends String {
  override toString(): string {
    return this.valueOf()
      .replaceAll("&", "&amp;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;")
      .replaceAll('"', "&quot;");
  }
}

/** What pdfkit's structure elements have that its type definitions (0.17) leave out. */
interface StructureElement extends PDFKit.PDFStructureElement {
  dictionary: { data: Record<string, unknown> };
}

type Doc = PDFKit.PDFDocument;

/** Line breaks as `\n`, tabs as spaces, no other control characters, no blank start or end. */
function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replaceAll("\t", "    ")
    .replace(/[^\P{Cc}\n]/gu, "")
    .replace(/^\s*\n|\s+$/g, "");
}

function isGroupItem(entry: AnswersPdfEntry): entry is AnswersPdfGroupItem {
  return "groupHeading" in entry;
}

export async function renderAnswersPdf(input: AnswersPdfInput): Promise<Buffer> {
  const fonts = resolveFonts();
  const doc: Doc = new PDFDocument({
    size: "A4",
    margins: MARGINS,
    pdfVersion: "1.7",
    tagged: true,
    lang: input.language,
    displayTitle: true,
    // The footers need the page count, so pages stay open until the end.
    bufferPages: true,
    // The default would be Helvetica, a standard font that is not embedded.
    font: fonts.regular,
    info: {
      Title: new XmpSafeText(cleanText(input.title).replaceAll("\n", " ")) as unknown as string,
      Creator: "Poort",
      CreationDate: input.createdAt,
    },
  });
  const chunks: Uint8Array[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Uint8Array) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  new AnswersLayout(doc, fonts, input).render();
  doc.end();
  return finished;
}

class AnswersLayout {
  private style: TextStyle = STYLES.answer;
  /** The label of the answer being written, repeated at the top of a page it flows onto. */
  private continuing: string | null = null;
  private readonly emptyAnswer: string;

  constructor(
    private readonly doc: Doc,
    private readonly fonts: Record<FontName, string>,
    private readonly input: AnswersPdfInput,
  ) {
    this.emptyAnswer = cleanText(input.emptyAnswer);
    doc.on("pageAdded", () => this.onPageAdded());
  }

  render(): void {
    const { doc, input } = this;
    const root = doc.struct("Document") as StructureElement;
    doc.addStructure(root);

    this.block(root, "H1", STYLES.title, input.title, MARGINS.left, TEXT_WIDTH);
    doc.y += 6;
    this.artifact({ type: "Layout" }, () => {
      doc
        .moveTo(MARGINS.left, doc.y)
        .lineTo(A4.width - MARGINS.right, doc.y)
        .lineWidth(0.75)
        .strokeColor(GREY)
        .stroke();
    });
    doc.y += 10;
    this.facts(root);

    for (const section of input.sections) {
      doc.y += 14;
      const sect = this.child(root, "Sect");
      this.keepTogether(
        this.headingHeight(STYLES.section, section.heading) +
          this.firstBlockHeight(section.entries),
      );
      this.block(sect, "H2", STYLES.section, section.heading, MARGINS.left, TEXT_WIDTH);
      doc.y += 6;
      let list: StructureElement | null = null;
      for (const entry of section.entries) {
        if (isGroupItem(entry)) {
          list?.end();
          list = null;
          this.groupItem(sect, entry);
        } else {
          list ??= this.list(sect);
          this.answer(list, entry);
        }
      }
      list?.end();
      sect.end();
    }
    root.end();
    this.footers();
  }

  private facts(root: StructureElement): void {
    const { doc, input } = this;
    if (input.facts.length === 0) return;
    this.applyStyle(STYLES.factLabel);
    const widest = Math.max(...input.facts.map((fact) => doc.widthOfString(fact.label)));
    const labelWidth = Math.min(widest, TEXT_WIDTH * 0.4);
    const valueX = MARGINS.left + labelWidth + 14;
    const valueWidth = A4.width - MARGINS.right - valueX;
    const list = this.list(root);
    for (const fact of input.facts) {
      const item = this.child(list, "LI");
      const top = doc.y;
      this.block(item, "Lbl", STYLES.factLabel, fact.label, MARGINS.left, labelWidth, top);
      const labelBottom = doc.y;
      this.block(item, "LBody", STYLES.factValue, fact.value, valueX, valueWidth, top);
      doc.y = Math.max(doc.y, labelBottom) + 2;
      item.end();
    }
    list.end();
  }

  private groupItem(sect: StructureElement, item: AnswersPdfGroupItem): void {
    const { doc } = this;
    doc.y += 6;
    const group = this.child(sect, "Sect");
    this.keepTogether(
      this.headingHeight(STYLES.group, item.groupHeading) + this.firstBlockHeight(item.entries),
    );
    this.block(group, "H3", STYLES.group, item.groupHeading, MARGINS.left, TEXT_WIDTH);
    doc.y += 4;
    if (item.entries.length > 0) {
      const list = this.list(group);
      for (const entry of item.entries) this.answer(list, entry);
      list.end();
    }
    group.end();
    doc.y += 4;
  }

  /** One label with its answer: LI > Lbl + LBody, the answer under the label, indented. */
  private answer(list: StructureElement, entry: AnswersPdfAnswer): void {
    const { doc } = this;
    const label = cleanText(entry.label);
    const answer = entry.answer === null ? "" : cleanText(entry.answer);
    const empty = answer.trim() === "";
    const answerStyle = empty ? STYLES.empty : STYLES.answer;
    const answerText = empty ? this.emptyAnswer : answer;

    this.keepTogether(this.answerStartHeight(label, answerText, answerStyle));
    const item = this.child(list, "LI");
    this.block(item, "Lbl", STYLES.label, label, MARGINS.left, TEXT_WIDTH);
    doc.y += 1.5;
    this.continuing = label;
    this.block(
      item,
      "LBody",
      answerStyle,
      answerText,
      MARGINS.left + ANSWER_INDENT,
      TEXT_WIDTH - ANSWER_INDENT,
    );
    this.continuing = null;
    item.end();
    doc.y += 7;
  }

  /**
   * A structure element of its own with the text in it, written at x (and y, or the cursor).
   * Text of several lines gets a P per line: a line break is no character in the page's text,
   * so without them a screen reader would run "Jan" and "Piet" of "Jan⏎Piet" into "JanPiet".
   */
  private block(
    parent: StructureElement,
    type: string,
    style: TextStyle,
    text: string,
    x: number,
    width: number,
    y: number = this.doc.y,
  ): void {
    const element = this.child(parent, type);
    const clean = cleanText(text);
    const lines = clean.split("\n");
    if (lines.length === 1) {
      element.add(() => this.write(style, clean, x, width, y));
    } else {
      this.doc.y = y;
      for (const line of lines) {
        if (line.trim() === "") {
          // An empty line stays as space between paragraphs, with nothing to read.
          this.doc.y += this.lineHeight(style);
          continue;
        }
        const paragraph = this.child(element, "P");
        paragraph.add(() => this.write(style, line, x, width, this.doc.y));
        paragraph.end();
      }
    }
    element.end();
  }

  private write(style: TextStyle, text: string, x: number, width: number, y: number): void {
    this.applyStyle(style);
    this.doc.text(text, x, y, { width, lineGap: LINE_GAP });
  }

  private child(parent: StructureElement, type: string): StructureElement {
    const element = this.doc.struct(type) as StructureElement;
    parent.add(element);
    return element;
  }

  private list(parent: StructureElement): StructureElement {
    const list = this.child(parent, "L");
    // Not numbered, not bulleted: the labels are the "headwords" (a definition list).
    list.dictionary.data.A = { O: "List", ListNumbering: "None" };
    return list;
  }

  private applyStyle(style: TextStyle): void {
    this.style = style;
    this.doc.font(this.fonts[style.font]).fontSize(style.size).fillColor(style.color);
  }

  private artifact(options: PDFKit.Mixins.MarkingOptions, draw: () => void): void {
    this.doc.markContent("Artifact", options);
    draw();
    this.doc.endMarkedContent();
  }

  // Measuring ------------------------------------------------------------------------------

  private heightOf(style: TextStyle, text: string, width: number): number {
    const previous = this.style;
    this.applyStyle(style);
    const height = this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
    this.applyStyle(previous);
    return height;
  }

  private lineHeight(style: TextStyle): number {
    const previous = this.style;
    this.applyStyle(style);
    const height = this.doc.currentLineHeight(true) + LINE_GAP;
    this.applyStyle(previous);
    return height;
  }

  private headingHeight(style: TextStyle, text: string): number {
    return this.heightOf(style, text, TEXT_WIDTH) + 10;
  }

  /** The label and the first lines of its answer, which a page must not separate. */
  private answerStartHeight(label: string, answer: string, style: TextStyle): number {
    const lines = this.lineHeight(style) * KEEP_ANSWER_LINES;
    // A long answer's first lines are in its first characters: no need to measure it all.
    const answerHeight = this.heightOf(style, answer.slice(0, 600), TEXT_WIDTH - ANSWER_INDENT);
    return this.heightOf(STYLES.label, label, TEXT_WIDTH) + 1.5 + Math.min(answerHeight, lines);
  }

  /** What must follow a heading on its page: the first answer, or the first group's start. */
  private firstBlockHeight(entries: readonly AnswersPdfEntry[]): number {
    const first = entries[0];
    if (!first) return 0;
    if (isGroupItem(first)) {
      return (
        10 +
        this.headingHeight(STYLES.group, first.groupHeading) +
        this.firstBlockHeight(first.entries)
      );
    }
    const answer = first.answer === null ? "" : cleanText(first.answer);
    const empty = answer.trim() === "";
    return this.answerStartHeight(
      cleanText(first.label),
      empty ? this.emptyAnswer : answer,
      empty ? STYLES.empty : STYLES.answer,
    );
  }

  /** A new page unless what follows fits; never on a page that has nothing on it yet. */
  private keepTogether(height: number): void {
    const { doc } = this;
    const bottom = doc.page.height - doc.page.margins.bottom;
    if (doc.y + height > bottom && doc.y > doc.page.margins.top + 1) doc.addPage();
  }

  // Artifacts ------------------------------------------------------------------------------

  /**
   * pdfkit adds a page itself when an answer runs past the bottom margin; the answer's marked
   * content goes on there right after this. Its label goes first, as a running header
   * (artifact), so a page never starts with an answer nobody can place.
   */
  private onPageAdded(): void {
    const { doc } = this;
    if (this.continuing === null) return;
    const resume = this.style;
    const top = doc.page.margins.top;
    this.artifact({ type: "Pagination", attached: ["Top"] }, () => {
      this.applyStyle(STYLES.running);
      const height = doc.currentLineHeight(true);
      doc.text(this.input.continuedLabel(this.continuing ?? ""), MARGINS.left, top, {
        width: TEXT_WIDTH,
        height,
        ellipsis: true,
      });
      doc.y = top + height + 6;
    });
    this.applyStyle(resume);
  }

  /** "Pagina 1 van 3" at the foot of every page, as a pagination artifact. */
  private footers(): void {
    const { doc, input } = this;
    const { start, count } = doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      doc.switchToPage(index);
      this.artifact({ type: "Pagination", attached: ["Bottom"] }, () => {
        this.applyStyle(STYLES.running);
        const label = input.pageLabel(index + 1, count);
        const x = A4.width - MARGINS.right - doc.widthOfString(label);
        // No line breaking: text below the bottom margin would otherwise start a new page.
        doc.text(label, x, FOOTER_Y, { lineBreak: false });
      });
    }
  }
}
