import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

/**
 * Debian's Chromium, headless. Its background services would try the (closed) network, so
 * they are switched off.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and failed requests, CSP violations among them. */
  problems: string[];
}

/** A page that records every console error, so a test can demand there were none. */
export async function openPage(context: BrowserContext): Promise<WatchedPage> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    // Chromium's own line for a failed request names no address; the response listener does.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(message.text());
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(
        `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
      );
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

/**
 * Chromium for the tests of one file: launched before them; after them, no page watched
 * through it may have met a problem, and it closes with every context it opened.
 */
export function browserForFile() {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const watched: WatchedPage[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const { problems } of watched) expect(problems).toEqual([]);
    await Promise.all(contexts.map((context) => context.close()));
    await browser.close();
  });

  /** A context of its own on the Poort under test. */
  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await browser.newContext({ baseURL: inject("baseUrl"), ...options });
    contexts.push(context);
    return context;
  };
  /** A watched page in a context of its own. */
  const newPage = async (options: BrowserContextOptions = {}) => {
    const page = await openPage(await newContext(options));
    watched.push(page);
    return page;
  };
  return { newContext, newPage };
}

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and expects no violations. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  // What the page does in the frame after a change of size (a table that now overflows its
  // region becomes focusable, told by a ResizeObserver) is what a user meets: let it happen.
  await page.evaluate(
    () => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))),
  );
  // Evaluated through the DevTools protocol: our CSP rightly refuses an injected <script>.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(options: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: {
        type: "tag",
        values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
      },
    });
    return result.violations;
  });
  const summary = (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(summary, `accessibility violations on ${page.url()}`).toEqual([]);
}
