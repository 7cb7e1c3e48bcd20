import { describe, expect, it } from "vitest";
import { createI18n, translations } from "../i18n/create-i18n.ts";
import {
  addFiles,
  isRunning,
  percentSent,
  runWithLimit,
  sameMetadata,
  startLabelKey,
  tusServerError,
  type UploadItem,
  uploadableItems,
} from "./upload-files.ts";

const file = (name: string, size: number, lastModified = 1) =>
  new File([new Uint8Array(size)], name, { type: "application/pdf", lastModified });

function idGenerator() {
  let last = 0;
  return () => `upload-${++last}`;
}

describe("addFiles", () => {
  it("lists new files as ready and refuses those over the maximum", () => {
    const items = addFiles([], [file("akte.pdf", 10), file("groot.pdf", 11)], 10, idGenerator());
    expect(items.map((item) => [item.id, item.file.name, item.status])).toEqual([
      ["upload-1", "akte.pdf", "ready"],
      ["upload-2", "groot.pdf", "tooLarge"],
    ]);
  });

  it("lists a file chosen twice once", () => {
    const newId = idGenerator();
    const first = addFiles([], [file("akte.pdf", 10)], 100, newId);
    const second = addFiles(
      first,
      [file("akte.pdf", 10), file("akte.pdf", 12), file("akte.pdf", 10, 2)],
      100,
      newId,
    );
    expect(second).toHaveLength(3);
    expect(second[0]).toBe(first[0]);
  });
});

describe("the start button", () => {
  const item = (status: UploadItem["status"]): UploadItem => ({
    id: status,
    file: file(`${status}.pdf`, 1),
    status,
    bytesSent: 0,
  });

  it("sends the chosen files and tries the failed ones again", () => {
    const items = (
      ["ready", "tooLarge", "waiting", "uploading", "done", "refused", "failed"] as const
    ).map(item);
    expect(uploadableItems(items).map((i) => i.status)).toEqual(["ready", "failed"]);
    expect(isRunning(items)).toBe(true);
    expect(isRunning([item("ready"), item("done")])).toBe(false);
  });

  it("counts the files in both languages", () => {
    const nl = createI18n("nl");
    const en = createI18n("en");
    expect(nl.t(startLabelKey, { count: 1 })).toBe("Upload 1 bestand");
    expect(nl.t(startLabelKey, { count: 3 })).toBe("Upload 3 bestanden");
    expect(en.t(startLabelKey, { count: 1 })).toBe("Upload 1 file");
    expect(en.t(startLabelKey, { count: 3 })).toBe("Upload 3 files");
    // The literal-key check of the translations test cannot see plural forms; this does.
    for (const texts of [translations.nl, translations.en])
      expect(Object.keys(texts.upload)).toEqual(
        expect.arrayContaining(["start_one", "start_other"]),
      );
  });
});

describe("percentSent", () => {
  it("rounds down, so 100 % means every byte arrived", () => {
    expect(percentSent(0, 200)).toBe(0);
    expect(percentSent(199, 200)).toBe(99);
    expect(percentSent(200, 200)).toBe(100);
    expect(percentSent(0, 0)).toBe(100);
    expect(percentSent(300, 200)).toBe(100);
  });
});

describe("sameMetadata", () => {
  it("resumes only an upload made for the same dossier", () => {
    const stored = { dossierId: "d1", filename: "akte.pdf", filetype: "application/pdf" };
    expect(sameMetadata(stored, { dossierId: "d1" })).toBe(true);
    expect(sameMetadata(stored, { dossierId: "d2" })).toBe(false);
    expect(sameMetadata({}, { dossierId: "d1" })).toBe(false);
  });
});

describe("tusServerError", () => {
  const failed = (status: number, body: string) => ({
    originalResponse: { getStatus: () => status, getBody: () => body },
  });

  it("reads the API's error from the tus answer", () => {
    const body = JSON.stringify({
      error: { code: "file_too_large", message: "Dit bestand is te groot.", details: [] },
    });
    expect(tusServerError(failed(413, body))).toEqual({
      status: 413,
      code: "file_too_large",
      message: "Dit bestand is te groot.",
    });
  });

  it("gives nothing without an API error to show", () => {
    expect(tusServerError(new Error("network"))).toBeUndefined();
    expect(tusServerError({ originalResponse: null })).toBeUndefined();
    expect(tusServerError(failed(502, "<html>Bad gateway</html>"))).toBeUndefined();
    expect(tusServerError(failed(500, '{"error":"boom"}'))).toBeUndefined();
    expect(tusServerError(undefined)).toBeUndefined();
  });
});

describe("runWithLimit", () => {
  it("runs at most `limit` at a time and keeps the order of the results", async () => {
    let active = 0;
    let busiest = 0;
    const results = await runWithLimit([30, 10, 20, 0, 5], 2, async (ms) => {
      active += 1;
      busiest = Math.max(busiest, active);
      await new Promise((resolve) => setTimeout(resolve, ms));
      active -= 1;
      return ms * 2;
    });
    expect(results).toEqual([60, 20, 40, 0, 10]);
    expect(busiest).toBe(2);
    expect(await runWithLimit([], 3, async () => 1)).toEqual([]);
  });
});
