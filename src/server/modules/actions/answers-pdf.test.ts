import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AnswersPdfAnswer,
  type AnswersPdfInput,
  type AnswersPdfSection,
  renderAnswersPdf,
} from "./answers-pdf.ts";

const run = promisify(execFile);

/**
 * The tests read the PDF as a person's tools would, with Debian's poppler-utils (pdftotext,
 * pdfinfo, pdffonts). Without them they skip on a developer's machine; in CI they must fail.
 */
const popplerInstalled = spawnSync("pdftotext", ["-v"]).error === undefined;
const popplerRequired = popplerInstalled || Boolean(process.env.CI);
if (!popplerRequired) {
  console.warn(
    "answers-pdf.test.ts: skipped, pdftotext is missing (apt-get install poppler-utils)",
  );
}

const nlLabels = {
  emptyAnswer: "Niet ingevuld",
  pageLabel: (page: number, total: number) => `Pagina ${page} van ${total}`,
  continuedLabel: (label: string) => `${label} (vervolg)`,
};

/** About 5000 characters in paragraphs, with an empty line between some of them. */
const longAnswer = Array.from(
  { length: 36 },
  (_, i) =>
    `Wens ${i + 1}: de schilderijen van oma Zoë gaan naar Bärbel; de boekenkast (waarde € ${i + 1}00) naar wie hem wil hebben.${i % 9 === 8 ? "\n" : ""}`,
).join("\n");

const sample: AnswersPdfInput = {
  title: "Testament & levenstestament",
  language: "nl",
  facts: [
    { label: "Notariskantoor", value: "Notariskantoor Ĳsselmeer & Partners" },
    { label: "Dossier", value: "2026-0042 Testament Ĳsselmeer-Çelik" },
    { label: "Ingevuld door", value: "Bärbel Ĳsselmeer-Çelik op 3 maart 2026 om 14:05" },
  ],
  sections: [
    {
      heading: "Uw gegevens",
      entries: [
        { label: "Volledige naam", answer: "Bärbel Ĳsselmeer-Çelik" },
        { label: "Naam van uw partner", answer: "Zoë Øster" },
        { label: "Tweede voornaam", answer: null },
        { label: "Waarde van de woning", answer: "€ 425.000,00" },
        { label: "Kinderen", answer: "Jan\nPiet\nKees" },
      ],
    },
    {
      heading: "Erfgenamen",
      entries: [
        {
          groupHeading: "Erfgenaam 1",
          entries: [
            { label: "Naam", answer: "Ðorđe Šćepanović" },
            { label: "Relatie", answer: "Neef" },
          ],
        },
        {
          groupHeading: "Erfgenaam 2",
          entries: [
            { label: "Naam", answer: "Łucja Ærøskøbing" },
            { label: "Relatie", answer: "   " },
          ],
        },
        { label: "Uw wensen", answer: longAnswer },
        { label: "Opmerkingen", answer: "Geen" },
      ],
    },
  ],
  ...nlLabels,
  createdAt: new Date("2026-03-03T13:05:00Z"),
};

/** 100 questions on 5 pages of the questionnaire: some empty, some long. */
function hundredQuestions(): AnswersPdfInput {
  const sections: AnswersPdfSection[] = [];
  for (let s = 0; s < 5; s++) {
    const entries: AnswersPdfAnswer[] = [];
    for (let q = s * 20 + 1; q <= s * 20 + 20; q++) {
      let answer: string | null = `Antwoord ${q}: Zoë Øster-Ĳsselmeer, € ${q},50`;
      if (q % 7 === 0) answer += `\n${"Een langere toelichting op dit antwoord. ".repeat(12)}`;
      if (q % 11 === 0) answer = null;
      entries.push({ label: `Vraag ${q}: wat is uw antwoord op onderwerp ${q}?`, answer });
    }
    sections.push({ heading: `Onderdeel ${s + 1}`, entries });
  }
  return {
    title: "Vragenlijst levenstestament",
    language: "nl",
    facts: [{ label: "Dossier", value: "2026-0100" }],
    sections,
    ...nlLabels,
    createdAt: new Date("2026-03-03T13:05:00Z"),
  };
}

const allAnswers = (input: AnswersPdfInput): AnswersPdfAnswer[] =>
  input.sections.flatMap((section) =>
    section.entries.flatMap((entry) => ("groupHeading" in entry ? entry.entries : [entry])),
  );

const isEmpty = (answer: string | null) => answer === null || answer.trim() === "";

/** White space as single spaces: pdftotext breaks lines where the PDF wraps them. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

let folder: string;
let fileCount = 0;

async function fileOf(pdf: Buffer): Promise<string> {
  const file = path.join(folder, `answers-${++fileCount}.pdf`);
  await writeFile(file, pdf);
  return file;
}

async function pdftotext(file: string, page?: number): Promise<string> {
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", ...pages, file, "-"]);
  return stdout;
}

async function pdfinfo(file: string, ...options: string[]): Promise<string> {
  const { stdout } = await run("pdfinfo", [...options, file], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** The running heads and footers (artifacts), which pdftotext gives with the content. */
function withoutArtifacts(text: string, labels: string[]): string {
  let result = text.replace(/Pagina \d+ van \d+/g, " ");
  for (const label of labels) result = result.replaceAll(nlLabels.continuedLabel(label), " ");
  return result;
}

interface StructNode {
  type: string;
  /** The marked content of the element itself, piece by piece (one per page it is on). */
  content: string[];
  children: StructNode[];
}

/** `pdfinfo -struct-text` (the tagged structure with its text) as a tree. */
function parseStructure(output: string): StructNode {
  const root: StructNode = { type: "(root)", content: [], children: [] };
  const stack: { indent: number; node: StructNode }[] = [{ indent: -1, node: root }];
  for (const line of output.split("\n")) {
    const trimmed = line.trimStart();
    if (trimmed === "" || trimmed.startsWith("/")) continue;
    const indent = line.length - trimmed.length;
    while (stack.length > 1 && (stack.at(-1)?.indent ?? -1) >= indent) stack.pop();
    const parent = stack.at(-1)?.node ?? root;
    if (trimmed.startsWith('"')) {
      parent.content.push(trimmed.slice(1, trimmed.lastIndexOf('"')));
      continue;
    }
    const node: StructNode = { type: trimmed.split(/[\s:]/)[0] ?? "", content: [], children: [] };
    parent.children.push(node);
    stack.push({ indent, node });
  }
  return root;
}

function textOf(node: StructNode): string {
  const own = node.content.join("");
  const children = node.children.map(textOf);
  return [own, ...children].filter((part) => part !== "").join("\n");
}

function findAll(node: StructNode, type: string): StructNode[] {
  const found = node.type === type ? [node] : [];
  return found.concat(node.children.flatMap((child) => findAll(child, type)));
}

/** Every list item as the pair a screen reader reads together: its Lbl and its LBody. */
function labelledItems(tree: StructNode): { label: string; answer: string }[] {
  return findAll(tree, "LI").map((item) => {
    const [label, body, ...rest] = item.children;
    expect(label?.type).toBe("Lbl");
    expect(body?.type).toBe("LBody");
    expect(rest).toEqual([]);
    return { label: textOf(label as StructNode), answer: textOf(body as StructNode) };
  });
}

/** The PDF's objects by number, as written (pdfkit writes dictionaries uncompressed). */
function objectsOf(pdf: Buffer): Map<number, string> {
  const objects = new Map<number, string>();
  const text = pdf.toString("latin1");
  for (const match of text.matchAll(/(\d+) 0 obj\n([\s\S]*?)\nendobj/g)) {
    objects.set(Number(match[1]), match[2] ?? "");
  }
  return objects;
}

function catalogOf(objects: Map<number, string>): string {
  const catalog = [...objects.values()].find((body) => body.includes("/Type /Catalog"));
  if (!catalog) throw new Error("no catalog");
  return catalog;
}

function resolve(objects: Map<number, string>, dictionary: string, key: string): string {
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary);
  if (!ref) throw new Error(`no /${key} reference`);
  const body = objects.get(Number(ref[1]));
  if (body === undefined) throw new Error(`/${key} points at no object`);
  return body;
}

describe.skipIf(!popplerRequired)("renderAnswersPdf, read with poppler-utils", () => {
  let samplePdf: Buffer;
  let sampleFile: string;

  beforeAll(async () => {
    if (!popplerInstalled) {
      throw new Error("pdftotext is missing: CI must install poppler-utils (.ci/run)");
    }
    folder = await mkdtemp(path.join(os.tmpdir(), "poort-answers-pdf-"));
    samplePdf = await renderAnswersPdf(sample);
    sampleFile = await fileOf(samplePdf);
  });

  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it("has the text of every label and answer, diacritics and euro signs included", async () => {
    const text = squash(withoutArtifacts(await pdftotext(sampleFile), ["Uw wensen"]));
    expect(text).toContain(sample.title);
    for (const fact of sample.facts) {
      expect(text).toContain(fact.label);
      expect(text).toContain(fact.value);
    }
    for (const { label, answer } of allAnswers(sample)) {
      expect(text).toContain(label);
      if (!isEmpty(answer)) expect(text).toContain(squash(answer ?? ""));
    }
    // Spot checks, in case a font or encoding swapped a letter in labels and answers alike.
    for (const word of ["Ĳsselmeer-Çelik", "Zoë Øster", "€ 425.000,00", "Ðorđe Šćepanović"]) {
      expect(text).toContain(word);
    }
  });

  it("writes empty and blank answers as the empty-answer text", async () => {
    const text = await pdftotext(sampleFile);
    const empties = allAnswers(sample).filter(({ answer }) => isEmpty(answer)).length;
    expect(empties).toBe(2);
    expect(text.match(/Niet ingevuld/g)).toHaveLength(empties);
  });

  it("tags each label with its answer in one list item, in the order of the questionnaire", async () => {
    const tree = parseStructure(await pdfinfo(sampleFile, "-struct-text"));
    const expected = [
      ...sample.facts.map(({ label, value }) => ({ label, answer: value })),
      ...allAnswers(sample).map(({ label, answer }) => ({
        label,
        // One P per line; empty lines are space on the page, not content.
        answer: isEmpty(answer)
          ? "Niet ingevuld"
          : (answer ?? "")
              .split("\n")
              .filter((line) => line.trim() !== "")
              .join("\n"),
      })),
    ];
    const items = labelledItems(tree).map(({ label, answer }) => ({
      label,
      answer: answer
        .replace(/ +/g, " ")
        .replace(/ ?\n ?/g, "\n")
        .trim(),
    }));
    expect(items).toEqual(expected);
  });

  it("tags the headings and keeps page numbers and running heads out of the structure", async () => {
    const tree = parseStructure(await pdfinfo(sampleFile, "-struct-text"));
    expect(tree.children.map((node) => node.type)).toEqual(["Document"]);
    expect(findAll(tree, "H1").map(textOf)).toEqual([sample.title]);
    expect(findAll(tree, "H2").map(textOf)).toEqual(["Uw gegevens", "Erfgenamen"]);
    expect(findAll(tree, "H3").map(textOf)).toEqual(["Erfgenaam 1", "Erfgenaam 2"]);
    const tagged = textOf(tree);
    expect(tagged).not.toContain("Pagina");
    expect(tagged).not.toContain("(vervolg)");
    // ...while they are on the pages.
    const pages = Number(/Pages:\s+(\d+)/.exec(await pdfinfo(sampleFile))?.[1]);
    expect(pages).toBeGreaterThan(1);
    const text = await pdftotext(sampleFile);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Pagina ${page} van ${pages}`);
  });

  it("lets a long answer flow onto the next page under its label, repeated", async () => {
    const first = await pdftotext(sampleFile, 1);
    expect(first).toContain("Uw wensen");
    expect(first).toContain("Wens 1:");
    let page = 2;
    for (; ; page++) {
      const text = (await pdftotext(sampleFile, page)).trim();
      expect(text.startsWith("Uw wensen (vervolg)"), `the top of page ${page}`).toBe(true);
      if (text.includes("Wens 36:")) break;
      expect(page).toBeLessThan(5);
    }
    expect(page).toBeGreaterThan(1);
  });

  it("marks the catalog as tagged, with language, structure and the title shown", async () => {
    const objects = objectsOf(samplePdf);
    const catalog = catalogOf(objects);
    expect(catalog).toContain("/Lang (nl)");
    expect(resolve(objects, catalog, "MarkInfo")).toMatch(/^<<\s*\/Marked true\s*>>$/);
    expect(resolve(objects, catalog, "StructTreeRoot")).toContain("/Type /StructTreeRoot");
    expect(resolve(objects, catalog, "ViewerPreferences")).toMatch(/\/DisplayDocTitle true/);

    const english = objectsOf(await renderAnswersPdf({ ...sample, language: "en" }));
    expect(catalogOf(english)).toContain("/Lang (en)");
  });

  it("gives the title to the document info and, escaped, to the XMP metadata", async () => {
    const info = await pdfinfo(sampleFile);
    expect(info).toMatch(/^Title:\s+Testament & levenstestament$/m);
    expect(info).toMatch(/^Creator:\s+Poort$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^CreationDate:\s+Tue Mar {2}3 13:05:00 2026 UTC$/m);
    const xmp = samplePdf.toString("utf8");
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Testament &amp; levenstestament</rdf:li>');
  });

  it("embeds its fonts, with a Unicode map", async () => {
    const { stdout } = await run("pdffonts", [sampleFile]);
    const rows = stdout.trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatch(/DejaVuSans/);
      // emb sub uni
      expect(row).toMatch(/ yes +yes +yes +\d+ +0$/);
    }
  });

  it("renders 100 questions on several pages, every answer in it, no label alone at a page's end", async () => {
    const input = hundredQuestions();
    const file = await fileOf(await renderAnswersPdf(input));
    const pages = Number(/Pages:\s+(\d+)/.exec(await pdfinfo(file))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4);

    const answers = allAnswers(input);
    expect(answers).toHaveLength(100);
    const labels = answers.map(({ label }) => label);
    const text = squash(withoutArtifacts(await pdftotext(file), labels));
    for (const { label, answer } of answers) {
      expect(text).toContain(label);
      if (answer !== null) expect(text).toContain(squash(answer));
    }
    const items = labelledItems(parseStructure(await pdfinfo(file, "-struct-text")));
    expect(items).toHaveLength(101);

    for (let page = 1; page <= pages; page++) {
      const lines = (await pdftotext(file, page))
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "" && !/^Pagina \d+ van \d+$/.test(line));
      const last = lines.at(-1) ?? "";
      expect(last, `the last line of page ${page}`).not.toMatch(/^Vraag \d+:|^Onderdeel \d+$/);
    }
  });

  it("gives the same bytes for the same input", async () => {
    const again = await renderAnswersPdf(sample);
    expect(again.equals(samplePdf)).toBe(true);
  });
});
