import { describe, expect, it } from "vitest";
import { CONTROL_CHARACTER, multiLineText, secretText, singleLineText } from "./text.ts";

function refusal(result: { success: boolean; error?: { issues: Array<{ message: string }> } }) {
  expect(result.success).toBe(false);
  return result.error?.issues[0]?.message;
}

describe("singleLineText", () => {
  const name = singleLineText(10).min(2);

  it("trims as before and keeps letters from any script", () => {
    expect(name.parse("  Zoë Çelik ")).toBe("Zoë Çelik");
    expect(name.parse("山田 太郎")).toBe("山田 太郎");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a tab", "a\tb"],
    ["a line feed", "a\nb"],
    ["a carriage return", "a\rb"],
    ["escape", "a\u001bb"],
    ["DEL", "a\u007fb"],
    ["a C1 control", "a\u0085b"],
  ])("refuses %s inside the text", (_, typed) => {
    expect(refusal(name.safeParse(typed))).toBe(CONTROL_CHARACTER);
  });

  it("still trims a line break at either end, as the fields did", () => {
    expect(name.parse("\nJan\t")).toBe("Jan");
  });

  it("keeps its length limits", () => {
    expect(name.safeParse("J").success).toBe(false);
    expect(name.safeParse("J".repeat(11)).success).toBe(false);
  });

  it("names the control character first when the text is also too long", () => {
    expect(refusal(singleLineText(3).safeParse("\u0000bcdef"))).toBe(CONTROL_CHARACTER);
  });
});

describe("multiLineText", () => {
  const reason = multiLineText(100);

  it("keeps tabs and line breaks inside the text", () => {
    expect(reason.parse(" Eerste regel\r\nTweede\tregel\n")).toBe("Eerste regel\r\nTweede\tregel");
  });

  it.each([
    ["NUL", "a\u0000b"],
    ["a vertical tab", "a\u000bb"],
    ["a form feed", "a\u000cb"],
    ["backspace", "a\u0008b"],
    ["a C1 control", "a\u009bb"],
  ])("refuses %s", (_, typed) => {
    expect(refusal(reason.safeParse(typed))).toBe(CONTROL_CHARACTER);
  });
});

describe("secretText", () => {
  const password = secretText(20).min(1);

  it("takes any other character as typed, spaces at the ends included", () => {
    expect(password.parse(" wacht\twoord ")).toBe(" wacht\twoord ");
  });

  it("refuses NUL", () => {
    expect(refusal(password.safeParse("wacht\u0000woord"))).toBe(CONTROL_CHARACTER);
  });
});
