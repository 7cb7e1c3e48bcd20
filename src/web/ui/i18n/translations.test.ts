import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { areaList } from "../areas.ts";
import { translations } from "./create-i18n.ts";

type Tree = { [key: string]: string | Tree };

/** Every leaf as "a.b.c" → text. */
function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const leaves = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") leaves.set(path, value);
    else for (const [leaf, text] of flatten(value, path)) leaves.set(leaf, text);
  }
  return leaves;
}

const nl = flatten(translations.nl);
const en = flatten(translations.en);
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes(".test.") ? [path] : [];
  });
}

describe("translations", () => {
  it("have exactly the same keys in Dutch and English", () => {
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
  });

  it("have no empty texts", () => {
    for (const [key, text] of [...nl, ...en]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const [key, text] of nl)
      expect(placeholders(en.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("contain every literal key the web code asks for", () => {
    const webRoot = join(import.meta.dirname, "..", "..");
    const used = sourceFiles(webRoot).flatMap((file) =>
      [...readFileSync(file, "utf8").matchAll(/\bt\(\s*"([^"]+)"/g)].map((m) => m[1] ?? ""),
    );
    expect(used.length).toBeGreaterThan(20);
    for (const key of used) expect(nl.has(key), key).toBe(true);
  });

  it("describe every area completely", () => {
    for (const area of areaList) {
      const keys = [
        "name",
        "summary",
        "audience",
        "access",
        ...area.tasks.map((task) => `tasks.${task}`),
      ];
      for (const key of keys)
        expect(nl.has(`areas.${area.id}.${key}`), `${area.id}.${key}`).toBe(true);
      const tasksInFile = [...nl.keys()].filter((key) => key.startsWith(`areas.${area.id}.tasks.`));
      expect(tasksInFile, "a task text no page shows").toHaveLength(area.tasks.length);
    }
  });
});
