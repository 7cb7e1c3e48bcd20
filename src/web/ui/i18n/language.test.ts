import { describe, expect, it } from "vitest";
import { detectLanguage, languageCookie, readLanguageCookie } from "./language.ts";

describe("readLanguageCookie", () => {
  it("finds poort_lang among other cookies", () => {
    expect(readLanguageCookie("session=abc; poort_lang=en; theme=x")).toBe("en");
  });

  it("ignores values Poort does not speak and look-alike names", () => {
    expect(readLanguageCookie("poort_lang=de")).toBeUndefined();
    expect(readLanguageCookie("xpoort_lang=en; poort_language=en")).toBeUndefined();
    expect(readLanguageCookie("")).toBeUndefined();
  });
});

describe("languageCookie", () => {
  it("covers the whole site, survives the session and is sent on top-level navigation", () => {
    expect(languageCookie("nl", false)).toBe(
      "poort_lang=nl; Path=/; Max-Age=31536000; SameSite=Lax",
    );
  });

  it("is Secure on https", () => {
    expect(languageCookie("en", true)).toBe(
      "poort_lang=en; Path=/; Max-Age=31536000; SameSite=Lax; Secure",
    );
  });

  it("is read back as written", () => {
    const [pair = ""] = languageCookie("en", true).split(";");
    expect(readLanguageCookie(pair)).toBe("en");
  });
});

describe("detectLanguage", () => {
  it("prefers the stored choice over the browser", () => {
    expect(detectLanguage("poort_lang=nl", "en-GB")).toBe("nl");
    expect(detectLanguage("poort_lang=en", "nl-NL")).toBe("en");
  });

  it("speaks English to English browsers and Dutch to everyone else", () => {
    expect(detectLanguage("", "en-US")).toBe("en");
    expect(detectLanguage("", "EN")).toBe("en");
    expect(detectLanguage("", "de-DE")).toBe("nl");
    expect(detectLanguage("poort_lang=fr", "fr-FR")).toBe("nl");
  });
});
