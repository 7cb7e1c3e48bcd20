import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { PortalAction, PortalQuestionnaire } from "#src/contracts/actions.ts";
import en from "../../src/web/ui/i18n/en.json" with { type: "json" };
import nl from "../../src/web/ui/i18n/nl.json" with { type: "json" };
import { callApi, clientThroughTheApi, demo } from "./support/actions.ts";
import {
  browserForFile,
  expectNoAccessibilityViolations,
  type WatchedPage,
} from "./support/browser.ts";
import { loggedInPage } from "./support/demo-login.ts";
import { fill } from "./support/translations.ts";

/**
 * The questionnaire builder of the back office (issue 13), in a real browser in each language:
 * Sara, an admin of the demo office, builds a questionnaire of three pages (a yes/no question
 * that shows the second page, a repeating group of children there, a choice that shows a
 * question on the third), first saving it with an English text left out (the refusal shows at
 * the field and in the summary), then as version 1; she changes a label and saves version 2,
 * and sends it from Jan Jansen's will dossier (2026.0157) with "Actie versturen", after which
 * Jan's portal API lists it with the pages he sees and gives its definition as built. She then
 * copies the questionnaire, and one of the starter library (which the server seeds on start).
 * Tom, a handler, reads it without a builder. Every state passes axe.
 */
const runs = [
  {
    language: "nl" as const,
    t: nl,
    title: { nl: "Intake testament (NL)", en: "Will intake (NL)" },
  },
  {
    language: "en" as const,
    t: en,
    title: { nl: "Intake testament (EN)", en: "Will intake (EN)" },
  },
];

const browser = browserForFile();
/** Jan Jansen's will dossier, of which he is the only client. */
const dossierNumber = "2026.0157";

describe.each(runs)("the questionnaire builder in $language", (run) => {
  const { t, language, title } = run;
  const q = t.office.questionnaires;
  const b = q.builder;
  /** The text shown in this run's language. */
  const shown = (texts: { nl: string; en: string }) => texts[language];
  let admin: WatchedPage;
  let staff: Page;
  let templateUrl: string;

  const inLanguage = (label: string, lang: "nl" | "en") => fill(b.inLanguage[lang], { label });
  const fillTexts = async (
    scope: Locator | Page,
    label: string,
    texts: { nl: string; en: string },
  ) => {
    await scope.getByLabel(inLanguage(label, "nl"), { exact: true }).fill(texts.nl);
    await scope.getByLabel(inLanguage(label, "en"), { exact: true }).fill(texts.en);
  };
  /** The table of versions lists this many, below its header row. */
  const expectVersions = (count: number) =>
    expect
      .poll(() => staff.getByRole("table", { name: q.versions.caption }).getByRole("row").count())
      .toBe(count + 1);
  const pageSection = (index: number) => staff.locator("section.poort-qb-page").nth(index);
  const kinderen = { nl: "Heeft u kinderen?", en: "Do you have children?" };
  const executeur = {
    nl: "Wilt u een executeur benoemen?",
    en: "Do you want to appoint an executor?",
  };

  it("1. an admin builds three pages with conditions and a repeating group; a refusal shows at its field", async () => {
    admin = await loggedInPage(browser, "office", demo.sara, language);
    staff = admin.page;
    await staff.goto("/office/questionnaires");
    await staff
      .getByRole("navigation", { name: t.account.menu.label })
      .getByRole("link", { name: q.title })
      .waitFor();
    await staff.getByRole("heading", { level: 1, name: q.title }).waitFor();
    await staff.getByRole("heading", { level: 2, name: q.libraryHeading }).waitFor();
    await expectNoAccessibilityViolations(staff);

    await staff.getByRole("link", { name: q.new }).click();
    await staff.getByRole("heading", { level: 1, name: q.new }).waitFor();
    await expectNoAccessibilityViolations(staff);
    await fillTexts(staff, b.fields.title, title);

    // Page 1: "Uw naam" and the yes/no question; the name is added last and moved up.
    const first = pageSection(0);
    await fillTexts(first, b.page.title, { nl: "Uw gegevens", en: "Your details" });
    const hasChildren = first.locator("section.poort-qb-question").nth(0);
    await hasChildren.getByLabel(b.question.type).selectOption({ label: b.types.yesNo });
    await fillTexts(hasChildren, b.question.label, kinderen);
    await first
      .getByRole("button", {
        name: fill(b.page.addQuestionNamed, { name: fill(b.page.name, { n: 1 }) }),
      })
      .click();
    const name = first.locator("section.poort-qb-question").nth(1);
    await fillTexts(name, b.question.label, { nl: "Uw naam", en: "Your name" });
    await name
      .getByRole("button", {
        name: fill(b.upNamed, { name: fill(b.question.name, { n: 2, page: 1 }) }),
      })
      .click();
    await expect
      .poll(() =>
        first
          .locator("section.poort-qb-question")
          .nth(0)
          .getByLabel(inLanguage(b.question.label, "nl"), { exact: true })
          .inputValue(),
      )
      .toBe("Uw naam");

    // Page 2: shown only to clients with children; one child per item of a repeating group.
    await staff.getByRole("button", { name: b.addPage, exact: true }).click();
    const second = pageSection(1);
    await fillTexts(second, b.page.title, { nl: "Uw kinderen", en: "Your children" });
    const pageCondition = second.getByRole("group", { name: b.condition.legendPage });
    await pageCondition.getByLabel(b.condition.question).selectOption({ label: shown(kinderen) });
    await pageCondition.getByLabel(b.condition.answer).selectOption({ label: b.yes });
    await second
      .getByRole("button", {
        name: fill(b.page.addGroupNamed, { name: fill(b.page.name, { n: 2 }) }),
      })
      .click();
    await second
      .getByRole("button", {
        name: fill(b.removeNamed, { name: fill(b.question.name, { n: 1, page: 2 }) }),
      })
      .click();
    const group = second.locator("section.poort-qb-group");
    await fillTexts(group, b.group.label, { nl: "Kinderen", en: "Children" });
    await fillTexts(group, b.group.itemLabel, { nl: "Kind", en: "Child" });
    await group.getByLabel(b.group.minItems).fill("1");
    await group.getByLabel(b.group.maxItems).fill("6");
    const childName = group.locator("section.poort-qb-question").nth(0);
    await fillTexts(childName, b.question.label, {
      nl: "Naam van het kind",
      en: "Name of the child",
    });
    await group
      .getByRole("button", {
        name: fill(b.group.addQuestionNamed, { name: fill(b.group.name, { n: 1, page: 2 }) }),
      })
      .click();
    const birthDate = group.locator("section.poort-qb-question").nth(1);
    await birthDate.getByLabel(b.question.type).selectOption({ label: b.types.date });
    await fillTexts(birthDate, b.question.label, { nl: "Geboortedatum", en: "Date of birth" });
    await birthDate.getByLabel(b.question.required).uncheck();

    // Page 3: a single choice, and a question shown only for one of its choices.
    await staff.getByRole("button", { name: b.addPage, exact: true }).click();
    const third = pageSection(2);
    await fillTexts(third, b.page.title, { nl: "Uw wensen", en: "Your wishes" });
    const choice = third.locator("section.poort-qb-question").nth(0);
    await choice.getByLabel(b.question.type).selectOption({ label: b.types.singleChoice });
    await fillTexts(choice, b.question.label, executeur);
    await fillTexts(choice, fill(b.option.label, { n: 1 }), { nl: "Ja", en: "Yes" });
    await fillTexts(choice, fill(b.option.label, { n: 2 }), {
      nl: "Nee, geen executeur",
      en: "No",
    });
    // The values are made from the Dutch texts.
    expect(await choice.getByLabel(fill(b.option.value, { n: 1 })).inputValue()).toBe("ja");
    expect(await choice.getByLabel(fill(b.option.value, { n: 2 })).inputValue()).toBe(
      "nee_geen_executeur",
    );
    await third
      .getByRole("button", {
        name: fill(b.page.addQuestionNamed, { name: fill(b.page.name, { n: 3 }) }),
      })
      .click();
    const executorName = third.locator("section.poort-qb-question").nth(1);
    // Its English text is left out on purpose: the server refuses it at the field.
    await executorName
      .getByLabel(inLanguage(b.question.label, "nl"), { exact: true })
      .fill("Naam van de executeur");
    const questionCondition = executorName.getByRole("group", { name: b.condition.legendQuestion });
    await questionCondition
      .getByLabel(b.condition.question)
      .selectOption({ label: shown(executeur) });
    await questionCondition
      .getByLabel(b.condition.answer)
      .selectOption({ label: language === "en" ? "Yes" : "Ja" });
    await expectNoAccessibilityViolations(staff);

    await staff.getByRole("button", { name: b.save, exact: true }).click();
    const where = `${fill(b.page.name, { n: 3 })}, ${fill(b.place.question, { n: 2 })} – ${inLanguage(b.fields.label, "en")}`;
    const summaryLink = staff.getByRole("link", { name: `${where}: ${q.errors.missing}` });
    await summaryLink.waitFor();
    await staff.getByText(q.errors.summary).waitFor();
    const englishLabel = executorName.getByLabel(inLanguage(b.question.label, "en"), {
      exact: true,
    });
    expect(await englishLabel.getAttribute("aria-invalid")).toBe("true");
    await executorName.getByText(q.errors.missing).waitFor();
    await expectNoAccessibilityViolations(staff);
    // The refusal was expected; the watcher of the page need not report it.
    const refused = admin.problems.indexOf("400 POST /api/office/questionnaire-templates");
    expect(refused).toBeGreaterThanOrEqual(0);
    admin.problems.splice(refused, 1);

    await summaryLink.click();
    await expect
      .poll(() => englishLabel.evaluate((element) => element === document.activeElement))
      .toBe(true);
    await englishLabel.fill("Name of the executor");
    await staff.getByRole("button", { name: b.save, exact: true }).click();
    await staff.waitForURL(/\/office\/questionnaires\/[0-9a-f-]{36}$/);
    templateUrl = new URL(staff.url()).pathname;
    await staff.getByRole("heading", { level: 1, name: shown(title) }).waitFor();
    await staff.getByText(q.arrived.created).waitFor();
    await expectVersions(1);
    // What was saved comes back as it was built.
    await expect
      .poll(() =>
        pageSection(1)
          .getByRole("group", { name: b.condition.legendPage })
          .getByLabel(b.condition.answer)
          .inputValue(),
      )
      .toBe("true");
    expect(
      await pageSection(1)
        .locator("section.poort-qb-group")
        .locator("section.poort-qb-question")
        .count(),
    ).toBe(2);
    await expectNoAccessibilityViolations(staff);
  });

  it("2. a changed label is saved as version 2", async () => {
    const name = pageSection(0).locator("section.poort-qb-question").nth(0);
    await name
      .getByLabel(inLanguage(b.question.label, "nl"), { exact: true })
      .fill("Uw volledige naam");
    await name
      .getByLabel(inLanguage(b.question.label, "en"), { exact: true })
      .fill("Your full name");
    await staff.getByText(b.unsaved).waitFor();
    await staff.getByRole("button", { name: b.save, exact: true }).click();
    await staff.getByText(fill(q.saved, { version: 2 })).waitFor();
    await expectVersions(2);
    expect(
      await pageSection(0)
        .locator("section.poort-qb-question")
        .nth(0)
        .getByLabel(inLanguage(b.question.label, "nl"), { exact: true })
        .inputValue(),
    ).toBe("Uw volledige naam");
    await expectNoAccessibilityViolations(staff);

    // Saving again without a change adds no version.
    await staff.getByRole("button", { name: b.save, exact: true }).click();
    await staff.getByText(fill(q.unchanged, { version: 2 })).waitFor();
  });

  it("3. the admin sends it from a dossier to Jan, whose portal has it as built", async () => {
    const a = t.office.actions;
    const form = a.form;
    await staff.goto("/office/dossiers");
    await staff.getByLabel(t.office.dossiers.list.query).fill(dossierNumber);
    await staff.getByRole("button", { name: t.office.dossiers.list.search }).click();
    await staff.getByRole("link", { name: dossierNumber, exact: true }).click();
    await staff.getByRole("heading", { level: 2, name: a.heading, exact: true }).waitFor();

    await staff.getByRole("button", { name: a.send, exact: true }).click();
    const composer = staff.getByRole("region", {
      name: fill(form.heading, { number: dossierNumber }),
      exact: true,
    });
    await composer
      .getByRole("combobox", { name: form.template })
      .selectOption({ label: fill(form.templateOption, { title: shown(title), version: 2 }) });
    const jan = composer.getByRole("checkbox", { name: "Jan Jansen" });
    await jan.check();
    expect(await jan.isChecked()).toBe(true);
    await composer.getByRole("button", { name: form.send, exact: true }).click();
    await staff
      .getByText(fill(a.sentNotice, { title: shown(title), clients: "Jan Jansen" }))
      .waitFor();
    await composer.waitFor({ state: "hidden" });
    const titleLink = staff.getByRole("link", { name: shown(title), exact: true });
    const sent = staff
      .getByRole("table", { name: fill(a.caption, { number: dossierNumber }) })
      .getByRole("row")
      .filter({ has: titleLink });
    await sent.getByRole("cell", { name: a.kind.questionnaire, exact: true }).waitFor();
    await sent.getByRole("cell", { name: a.state.open, exact: true }).waitFor();
    await sent.getByRole("cell", { name: "Jan Jansen", exact: true }).waitFor();
    const actionId = ((await titleLink.getAttribute("href")) ?? "").split("/").at(-1);
    await expectNoAccessibilityViolations(staff);

    // Jan's portal lists it at page 1 of 2: the page of children shows only after a "yes".
    const client = await clientThroughTheApi(browser, demo.jan);
    const { actions } = (await callApi(client, "GET", "/api/portal/actions")) as {
      actions: PortalAction[];
    };
    const listed = actions.filter(
      (action) => action.title.nl === title.nl && action.title.en === title.en,
    );
    expect(listed).toMatchObject([
      {
        id: actionId,
        kind: "questionnaire",
        state: "open",
        dossier: { number: dossierNumber },
        progress: { page: 1, pages: 2 },
      },
    ]);

    // The definition sent is version 2 as built: three pages, the second shown by the yes/no
    // question, its repeating group of children, and the question shown by a choice.
    const { definition } = (await callApi(
      client,
      "GET",
      `/api/portal/actions/${actionId}/questionnaire`,
    )) as PortalQuestionnaire;
    const hasChildrenId = definition.pages[0]?.items[1]?.id;
    const executorId = definition.pages[2]?.items[0]?.id;
    expect(hasChildrenId).toBeTypeOf("string");
    expect(executorId).toBeTypeOf("string");
    expect(definition).toMatchObject({
      title,
      pages: [
        {
          title: { nl: "Uw gegevens", en: "Your details" },
          items: [
            {
              kind: "question",
              type: "text",
              label: { nl: "Uw volledige naam", en: "Your full name" },
              required: true,
            },
            { kind: "question", type: "yesNo", label: kinderen },
          ],
        },
        {
          title: { nl: "Uw kinderen", en: "Your children" },
          condition: { questionId: hasChildrenId, equals: true },
          items: [
            {
              kind: "group",
              label: { nl: "Kinderen", en: "Children" },
              itemLabel: { nl: "Kind", en: "Child" },
              minItems: 1,
              maxItems: 6,
              questions: [
                {
                  kind: "question",
                  type: "text",
                  label: { nl: "Naam van het kind", en: "Name of the child" },
                  required: true,
                },
                {
                  kind: "question",
                  type: "date",
                  label: { nl: "Geboortedatum", en: "Date of birth" },
                  required: false,
                },
              ],
            },
          ],
        },
        {
          title: { nl: "Uw wensen", en: "Your wishes" },
          items: [
            {
              kind: "question",
              type: "singleChoice",
              label: executeur,
              options: [
                { value: "ja", label: { nl: "Ja", en: "Yes" } },
                { value: "nee_geen_executeur", label: { nl: "Nee, geen executeur", en: "No" } },
              ],
            },
            {
              kind: "question",
              type: "text",
              label: { nl: "Naam van de executeur", en: "Name of the executor" },
              condition: { questionId: executorId, equals: "ja" },
            },
          ],
        },
      ],
    });
    expect(definition.pages[0]?.condition).toBeUndefined();
    expect(definition.pages[2]?.condition).toBeUndefined();

    // Back to the questionnaire, where the next steps begin.
    await staff.goto(templateUrl);
    await staff.getByRole("heading", { level: 1, name: shown(title) }).waitFor();
  });

  it("4. the admin copies the questionnaire: a new one of the office, version 1", async () => {
    await staff.getByRole("link", { name: q.back }).click();
    await staff.getByRole("heading", { level: 1, name: q.title }).waitFor();
    const row = staff
      .getByRole("table", { name: q.ownCaption })
      .getByRole("row")
      .filter({ hasText: shown(title) });
    await row.getByRole("cell", { name: "2", exact: true }).waitFor();
    await expectNoAccessibilityViolations(staff);
    await row.getByRole("button", { name: fill(q.copyNamed, { title: shown(title) }) }).click();
    await staff.getByText(q.arrived.copied).waitFor();
    expect(new URL(staff.url()).pathname).not.toBe(templateUrl);
    await staff.getByRole("heading", { level: 1, name: shown(title) }).waitFor();
    await expectVersions(1);
    await expectNoAccessibilityViolations(staff);
  });

  it("5. the admin copies a questionnaire of the starter library", async () => {
    await staff.getByRole("link", { name: q.back }).click();
    const library = staff.getByRole("table", { name: q.libraryCaption });
    const firstRow = library.getByRole("row").nth(1);
    const libraryTitle = ((await firstRow.getByRole("link").textContent()) ?? "").trim();
    expect(libraryTitle).not.toBe("");
    await firstRow
      .getByRole("button", { name: fill(q.copyNamed, { title: libraryTitle }) })
      .click();
    await staff.getByText(q.arrived.copied).waitFor();
    await staff.getByRole("heading", { level: 1, name: libraryTitle }).waitFor();
    // The copy is the office's own: the builder, at version 1.
    await staff.getByRole("button", { name: b.save, exact: true }).waitFor();
    await expectVersions(1);
    await expectNoAccessibilityViolations(staff);

    // The library's own stays read-only: no builder, "Kopiëren" instead.
    await staff.getByRole("link", { name: q.back }).click();
    await library.getByRole("row").nth(1).getByRole("link").click();
    await staff.getByRole("heading", { level: 1, name: libraryTitle }).waitFor();
    await staff.getByRole("heading", { level: 2, name: q.copyHeading }).waitFor();
    expect(await staff.getByRole("button", { name: b.save, exact: true }).count()).toBe(0);
    await expectNoAccessibilityViolations(staff);
  });

  it("6. a handler reads the questionnaire without the builder", async () => {
    const handler = (await loggedInPage(browser, "office", demo.tom, language)).page;
    await handler.goto("/office/questionnaires");
    await handler.getByText(q.readOnly).waitFor();
    expect(await handler.getByRole("link", { name: q.new }).count()).toBe(0);
    await expectNoAccessibilityViolations(handler);
    await handler.goto(templateUrl);
    await handler.getByRole("heading", { level: 1, name: shown(title) }).waitFor();
    await handler
      .getByRole("heading", {
        level: 2,
        name: fill(b.page.heading, {
          name: fill(b.page.name, { n: 2 }),
          title: shown({ nl: "Uw kinderen", en: "Your children" }),
        }),
      })
      .waitFor();
    await handler.getByText(shown({ nl: "Uw volledige naam", en: "Your full name" })).waitFor();
    expect(await handler.getByRole("button", { name: b.save }).count()).toBe(0);
    await expectNoAccessibilityViolations(handler);
  });
});
