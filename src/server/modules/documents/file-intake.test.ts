import { describe, expect, it } from "vitest";
import type { AllowedType } from "#src/server/platform/files/content-type.ts";
import { safeFileName } from "./file-intake.ts";

const pdf: AllowedType = { mime: "application/pdf", extensions: ["pdf"] };

describe("the name a stored file is offered under", () => {
  it.each([
    ["a right-to-left override", "factuur\u202Efdp.exe", "factuurfdp.exe.pdf"],
    ["a left-to-right override and embeddings", "a\u202Db\u202Ac\u202Bd\u202C.pdf", "abcd.pdf"],
    ["marks", "brief\u200E\u200F\u061C.pdf", "brief.pdf"],
    ["isolates", "brief\u2066exe.\u2069\u2067x\u2068.pdf", "briefexe.x.pdf"],
    ["zero-width characters and a byte-order mark", "\uFEFFak\u200Bte\u200C\u200D.pdf", "akte.pdf"],
    ["control characters, C0 and C1", "ak\u0000te\u001f\u007f\u0085\u009f.pdf", "akte.pdf"],
  ])("strips %s, which could make the name lie about its extension", (_kind, declared, offered) => {
    expect(safeFileName(declared, pdf)).toBe(offered);
  });

  it("keeps letters of every script, and spaces", () => {
    expect(safeFileName("Überdracht akte €10 – وثيقة.pdf", pdf)).toBe(
      "Überdracht akte €10 – وثيقة.pdf",
    );
  });

  it("falls back to a plain name when nothing visible is left", () => {
    expect(safeFileName("\u202E\u200B", pdf)).toBe("document.pdf");
  });
});
