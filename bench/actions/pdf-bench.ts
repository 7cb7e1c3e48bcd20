import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { answerSummary } from "#src/contracts/questionnaires/answer-summary.ts";
import { median, percentile, printTable, ratio, time } from "../report.ts";
import { storedAnswers } from "./answers.ts";
import { type Renderer, renderers } from "./pdf-renders.ts";
import { benchDefinition, GROUP_ITEMS } from "./questionnaire.ts";

const PDF_WARMUP = 5;
const PDF_RUNS = 30;

/**
 * The PDF of the questionnaire answered in full: the first render in a fresh process, then warm
 * renders of Poort's `answersPdf` next to the plain lines and the fonts alone (plain-pdf.ts).
 */
export async function pdfBench(): Promise<void> {
  const definition = benchDefinition();
  const answers = storedAnswers(definition, definition.pages.length);
  const summary = answerSummary(definition, answers, "nl");
  const entries = summary.flatMap((section) =>
    section.entries.flatMap((entry) => ("groupHeading" in entry ? entry.entries : [entry])),
  );
  const longest = Math.max(...entries.map((entry) => entry.answer?.length ?? 0));
  console.log(
    `## The PDF of a 100-question questionnaire\n` +
      `${definition.pages.length} pages of questions (a group of 5 questions answered for ${GROUP_ITEMS} heirs): ` +
      `${entries.length} answers, ${entries.filter((entry) => entry.answer === null).length} of them empty, ` +
      `${entries.filter((entry) => entry.answer?.includes("\n")).length} with line breaks (the longest ${longest.toLocaleString("en")} characters).`,
  );

  const cold: Record<Renderer, number> = {
    fonts: await coldRender("fonts"),
    plain: await coldRender("plain"),
    poort: await coldRender("poort"),
  };
  const render = renderers();
  const times: Record<Renderer, number[]> = { poort: [], plain: [], fonts: [] };
  const none = Buffer.alloc(0);
  const output: Record<Renderer, Buffer> = { poort: none, plain: none, fonts: none };
  for (let run = 0; run < PDF_WARMUP + PDF_RUNS; run++) {
    // In turn, so that all three see the same state of the machine.
    for (const renderer of ["fonts", "plain", "poort"] as const) {
      const ms = await time(async () => {
        output[renderer] = await render[renderer]();
      });
      if (run >= PDF_WARMUP) times[renderer].push(ms);
    }
  }
  const row = (name: string, renderer: Renderer) => ({
    render: name,
    "cold ms": cold[renderer].toFixed(0),
    "median ms": median(times[renderer]).toFixed(1),
    "p95 ms": percentile(times[renderer], 0.95).toFixed(1),
    pages: pageCount(output[renderer]),
    KB: Math.round(output[renderer].length / 1024),
    vs: ratio(median(times[renderer]), median(times.plain)),
  });
  console.log(
    `"cold" is the first render in a new process; then ${PDF_WARMUP} warm-up renders and ${PDF_RUNS} measured of each, ` +
      `in turn; "vs" is the median time relative to the plain lines (baseline).`,
  );
  printTable([
    row("pdfkit, the 3 fonts only (a line each)", "fonts"),
    row("pdfkit, plain untagged lines (baseline)", "plain"),
    row("answersPdf (tagged, laid out)", "poort"),
  ]);
}

/**
 * The first render in a process of its own (cold-render.ts): font files read and parsed for the
 * first time, pdfkit's and fontkit's code not yet compiled, as after a deploy. In this process
 * the first renderer measured would warm the second's code.
 */
async function coldRender(renderer: Renderer): Promise<number> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    ...process.execArgv,
    fileURLToPath(new URL("./cold-render.ts", import.meta.url)),
    renderer,
  ]);
  const ms = Number(stdout.trim().split("\n").at(-1));
  if (!Number.isFinite(ms)) throw new Error(`the cold render printed ${JSON.stringify(stdout)}`);
  return ms;
}

/** Pages of a PDF that pdfkit wrote (its page objects are not in compressed streams). */
function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type \/Page(?!s)/g)?.length ?? 0;
}
