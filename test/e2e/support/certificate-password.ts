import type { Locator } from "playwright-core";
import { expect } from "vitest";

/**
 * The shown password is exactly the password, and each group of it (up to and including its
 * dash) stands on one line, in a monospace font: read over, it is typed just as it should be.
 */
export async function expectPasswordAsTyped(shown: Locator, password: string): Promise<void> {
  expect(await shown.textContent()).toBe(password);
  const groups = await shown.evaluate((element) =>
    [...element.children]
      .filter((child) => child.textContent !== "") // the <wbr> between groups
      .map((group) => ({ text: group.textContent, lines: group.getClientRects().length })),
  );
  expect(groups).toEqual(password.split(/(?<=-)/).map((text) => ({ text, lines: 1 })));
  expect(await shown.evaluate((element) => getComputedStyle(element).fontFamily)).toMatch(/mono/i);
}
