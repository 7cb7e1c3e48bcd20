import type { Page } from "playwright-core";
import { expect } from "vitest";
import { expectNoAccessibilityViolations } from "./browser.ts";

/** The widths every page is checked at: a small phone, and a desktop. */
export const checkedWidths = [360, 1280] as const;

/**
 * The page as it stands fits at each checked width (see `expectPageFits`), and axe finds
 * nothing on it. `where` names the page in the failures.
 */
export async function checkPage(page: Page, where: string): Promise<void> {
  for (const width of checkedWidths) {
    await page.setViewportSize({ width, height: 900 });
    await expectPageFits(page, `${where} at ${width}px`);
  }
  await expectNoAccessibilityViolations(page);
}

/**
 * The page as it stands fits its width: it never scrolls sideways, a table too wide scrolls in
 * a region of its own, named by its caption and reachable by keyboard, and no word in a table
 * is broken across two lines. `where` names the page and width in the failures.
 */
export async function expectPageFits(page: Page, where: string): Promise<void> {
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - innerWidth),
    `${where}: the page scrolls sideways`,
  ).toBeLessThanOrEqual(0);
  for (const table of await page.locator("table").all()) {
    const caption = (await table.locator("caption").textContent()) ?? "";
    const region = page.getByRole("region", { name: caption, exact: true });
    expect(await region.locator("table").count(), `${where}: "${caption}"`).toBe(1);
    // The region learns that it overflows from a ResizeObserver, a frame or more after a change
    // of size: what counts is the state it settles in.
    await expect
      .poll(
        () =>
          region.evaluate((element) => {
            const overflows = element.scrollWidth > element.clientWidth;
            const focusable = element.tabIndex === 0;
            return focusable === overflows;
          }),
        {
          message: `${where}: can "${caption}" be scrolled by keyboard (exactly when it overflows)`,
          timeout: 2_000,
          interval: 50,
        },
      )
      .toBe(true);
  }
  expect(await page.evaluate(wordsBrokenInTables), `${where}: broken words`).toEqual([]);
}

/**
 * Words in the tables' headers and cells that a line break cuts in two, such as "Debiteurnum" /
 * "mer". A break after a hyphen is where such a word may break. Runs in the page.
 */
function wordsBrokenInTables(): string[] {
  const broken: string[] = [];
  for (const cell of document.querySelectorAll("th, td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      for (const word of (text.textContent ?? "").matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(text, word.index);
        range.setEnd(text, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}
