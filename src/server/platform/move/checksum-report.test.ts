import { describe, expect, it } from "vitest";
import { checksumReport, type InstallationTally } from "./checksum-report.ts";

const digest = (letter: string) => letter.repeat(64);

const source: InstallationTally = {
  tables: [
    { name: "documents", count: 12, digest: digest("a") },
    { name: "accounts", count: 3, digest: digest("b") },
  ],
  sequences: [{ name: "audit_events_id_seq", position: "57" }],
  namespaces: [{ name: "blobs", count: 12, digest: digest("c") }],
};

describe("checksumReport", () => {
  it("finds nothing lost when both sides count the same", () => {
    const report = checksumReport(source, structuredClone(source));
    expect(report.differences).toEqual([]);
    expect(report.lines).toContain(
      `  accounts             ${"3".padStart(7)} ${"b".repeat(16)} = ${"3".padStart(7)} ${"b".repeat(16)}`,
    );
  });

  it("names every table, sequence and namespace that differs, or that one side lacks", () => {
    const target: InstallationTally = {
      // Same count, other rows: the digest tells.
      tables: [
        { name: "documents", count: 12, digest: digest("d") },
        { name: "accounts", count: 3, digest: digest("b") },
      ],
      sequences: [{ name: "audit_events_id_seq", position: "1 (unused)" }],
      namespaces: [{ name: "mail-attachments", count: 1, digest: digest("e") }],
    };
    const report = checksumReport(source, target);
    expect(report.differences).toEqual([
      `table documents:      12 ${"a".repeat(16)} →      12 ${"d".repeat(16)}`,
      expect.stringMatching(/^sequence audit_events_id_seq: +57 → +1 \(unused\)$/),
      `files blobs:      12 ${"c".repeat(16)} → missing`,
      `files mail-attachments: missing →       1 ${"e".repeat(16)}`,
    ]);
    expect(report.lines.filter((line) => line.includes("≠"))).toHaveLength(4);
  });
});
