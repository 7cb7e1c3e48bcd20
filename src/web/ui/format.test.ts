import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFileSize, formatTime } from "./format.ts";

describe("formatFileSize", () => {
  it("picks the largest unit that keeps the number at least 1", () => {
    expect(formatFileSize(999, "en")).toBe("999 byte");
    expect(formatFileSize(1023, "en")).toBe("1,023 byte");
    expect(formatFileSize(1024, "en")).toBe("1 kB");
    expect(formatFileSize(2 * 1024 * 1024, "en")).toBe("2 MB");
    expect(formatFileSize(3 * 1024 ** 3, "en")).toBe("3 GB");
  });

  it("counts in steps of 1024, so the 100 MiB upload limit reads 100 MB", () => {
    expect(formatFileSize(104_857_600, "nl")).toBe("100 MB");
    expect(formatFileSize(104_857_600, "en")).toBe("100 MB");
  });

  it("writes numbers the reader's way", () => {
    expect(formatFileSize(1536, "nl")).toBe("1,5 kB");
    expect(formatFileSize(1536, "en")).toBe("1.5 kB");
    expect(formatFileSize(12_345, "nl")).toBe("12,1 kB");
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

describe("formatDate", () => {
  it("shows a bare date as that day, in the reader's language", () => {
    expect(formatDate("2026-05-12", "nl")).toBe("12 mei 2026");
    expect(formatDate("2026-01-01", "en")).toBe("January 1, 2026");
  });

  it("shows the day of a moment", () => {
    expect(formatDate("2026-05-12T12:00:00Z", "nl")).toBe("12 mei 2026");
  });
});
