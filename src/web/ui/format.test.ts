import { describe, expect, it } from "vitest";
import { formatDateTime, formatFileSize, formatTime } from "./format.ts";

describe("formatFileSize", () => {
  it("picks the largest unit that keeps the number at least 1", () => {
    expect(formatFileSize(999, "en")).toBe("999 byte");
    expect(formatFileSize(1500, "en")).toBe("1.5 kB");
    expect(formatFileSize(2_000_000, "en")).toBe("2 MB");
  });

  it("writes numbers the Dutch way in Dutch", () => {
    expect(formatFileSize(12_345, "nl")).toBe("12,3 kB");
  });
});

describe("formatDateTime", () => {
  it("shows date and time in the reader's language", () => {
    const iso = "2026-05-12T14:03:07Z";
    const time = formatTime(new Date(iso), "nl");
    expect(formatDateTime(iso, "nl")).toContain("mei 2026");
    expect(formatDateTime(iso, "en")).toContain("May");
    expect(formatDateTime(iso, "nl")).toContain(time);
  });
});
