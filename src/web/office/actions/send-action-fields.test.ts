import { describe, expect, it } from "vitest";
import { sendActionSchema } from "#src/contracts/actions.ts";
import { ApiError } from "#src/web/ui/api/api-client.ts";
import {
  checkSendAction,
  emptyItem,
  fieldOrder,
  initialValues,
  type SendActionValues,
  serverSendActionErrors,
  todayInTheNetherlands,
  toSendAction,
} from "./send-action-fields.ts";

const t = (key: string, options?: Record<string, unknown>) =>
  options ? `${key} ${JSON.stringify(options)}` : key;
const e = "office.actions.errors";
const jan = "7c1f6a56-8f44-4b8e-9a3c-2f1d3a7b9e01";
const piet = "0b7e2a4c-1d3f-4e5a-8b6c-9d0e1f2a3b4c";
const template = "5d6e7f80-9a1b-4c2d-8e3f-405162738495";
const today = "2026-12-06";

const upload = (change: Partial<SendActionValues> = {}): SendActionValues => ({
  ...initialValues([jan]),
  kind: "upload-request",
  title: " Stukken voor de levering ",
  items: [
    { ...emptyItem(1), label: "Paspoort", description: "  " },
    {
      ...emptyItem(2),
      label: "Bankafschrift",
      description: "Van de laatste maand",
      required: false,
    },
  ],
  ...change,
});

describe("Actie versturen", () => {
  it("chooses the only client of a dossier, and none of several", () => {
    expect(initialValues([jan]).clientIds).toEqual([jan]);
    expect(initialValues([jan, piet]).clientIds).toEqual([]);
  });

  it("asks for a questionnaire and a client, and a due date not in the past", () => {
    const values = { ...initialValues([jan, piet]), dueDate: "2026-12-05" };
    expect(checkSendAction(values, today, t)).toEqual({
      templateId: `${e}.template`,
      clientIds: `${e}.clients`,
      dueDate: `${e}.dueDatePast`,
    });
    expect(
      checkSendAction(
        { ...values, templateId: template, clientIds: [piet], dueDate: today },
        today,
        t,
      ),
    ).toEqual({});
    expect(
      checkSendAction({ ...values, dueDate: "", dueDateIncomplete: true }, today, t).dueDate,
    ).toBe(`${e}.dueDateInvalid`);
  });

  it("asks an upload request for a title and every document's name", () => {
    const values = upload({
      title: " ",
      items: [emptyItem(1), { ...emptyItem(4), label: "Akte" }],
    });
    expect(checkSendAction(values, today, t)).toEqual({
      title: `${e}.title`,
      "items.0.label": `${e}.itemLabel {"n":1}`,
    });
    expect(fieldOrder(values)).toEqual([
      "title",
      "items.0.label",
      "items.0.description",
      "items.1.label",
      "items.1.description",
      "items",
      "clientIds",
      "dueDate",
      "instruction",
    ]);
    expect(checkSendAction(upload({ items: [] }), today, t)).toEqual({ items: `${e}.items` });
  });

  it("sends what the contract takes: trimmed, the empty optional fields left out", () => {
    const body = toSendAction(upload({ instruction: "  Graag voor 1 januari.  " }));
    expect(body).toEqual({
      kind: "upload-request",
      title: "Stukken voor de levering",
      items: [
        { label: "Paspoort", required: true },
        { label: "Bankafschrift", description: "Van de laatste maand", required: false },
      ],
      clientIds: [jan],
      instruction: "Graag voor 1 januari.",
    });
    expect(sendActionSchema.safeParse(body).success).toBe(true);
    const questionnaire = toSendAction({
      ...initialValues([jan]),
      templateId: template,
      dueDate: "2027-01-01",
    });
    expect(questionnaire).toEqual({
      kind: "questionnaire",
      templateId: template,
      clientIds: [jan],
      dueDate: "2027-01-01",
    });
    expect(sendActionSchema.safeParse(questionnaire).success).toBe(true);
  });

  it("puts the server's refusal at the fields it names, in the form's own words", () => {
    const error = new ApiError(400, "validation_failed", "Niet geldig", [
      { path: "body.dueDate", code: "in_past", message: "the due date has passed" },
      { path: "body.clientIds.1", code: "unknown", message: "not a client of the dossier" },
      { path: "body.templateId", code: "unknown", message: "no such questionnaire" },
      { path: "body.items.1.label", code: "too_big", message: "too long" },
      { path: "body.items.0.description", code: "control_character", message: "control" },
      { path: "body.other", code: "x", message: "ignored" },
    ]);
    expect(serverSendActionErrors(error, t)).toEqual({
      dueDate: `${e}.dueDatePast`,
      clientIds: `${e}.clientUnknown`,
      templateId: `${e}.templateUnknown`,
      "items.1.label": `${e}.itemLabelTooLong {"n":2,"max":200}`,
      "items.0.description": `${e}.field`,
    });
    expect(serverSendActionErrors(undefined, t)).toEqual({});
  });

  it("knows today as the Netherlands does", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(todayInTheNetherlands(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
    expect(todayInTheNetherlands(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
  });
});
