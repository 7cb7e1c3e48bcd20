import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseSync } from "oxc-parser";

/** One import (or re-export) of a project file by another, both as paths from the root. */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type …`: erased at run time, but still a dependency of the design. */
  typeOnly: boolean;
}

const sourceFile = /\.(ts|tsx|mts)$/;
const testFile = /\.test\.(ts|tsx)$/;

/** The source files under `folder` (paths from `root`, with `/`), tests left out. */
export function sourceFiles(root: string, folder: string): string[] {
  const absolute = path.join(root, folder);
  let entries: string[];
  try {
    entries = readdirSync(absolute, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return entries
    .map((entry) => path.posix.join(folder, entry.split(path.sep).join("/")))
    .filter((file) => sourceFile.test(file) && !testFile.test(file))
    .sort();
}

/**
 * The project file an import names, or undefined for a package. Relative paths and the
 * `#src/*` subpath imports of package.json are the project's own; the files name their
 * extension, as Node.js needs.
 */
export function resolveImport(from: string, specifier: string): string | undefined {
  if (specifier.startsWith("#src/")) return path.posix.join("src", specifier.slice(5));
  if (specifier.startsWith(".")) return path.posix.join(path.posix.dirname(from), specifier);
  return undefined;
}

/** Every import between the project's own files, static, re-exported and dynamic. */
export function importEdges(root: string, files: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const source = readFileSync(path.join(root, from), "utf8");
    const { module, errors } = parseSync(from, source);
    if (errors.length > 0) {
      throw new Error(`${from}: cannot be parsed: ${errors[0]?.message ?? "syntax error"}`);
    }
    const found: Array<{ specifier: string; typeOnly: boolean }> = [
      ...module.staticImports.map((entry) => ({
        specifier: entry.moduleRequest.value,
        // `import type { A }`, or only `type` entries: nothing of it is left at run time.
        typeOnly: entry.entries.length > 0 && entry.entries.every((item) => item.isType),
      })),
      ...module.staticExports.flatMap((entry) =>
        entry.entries.flatMap((item) =>
          item.moduleRequest
            ? [{ specifier: item.moduleRequest.value, typeOnly: item.isType }]
            : [],
        ),
      ),
      ...module.dynamicImports.flatMap((entry) => {
        const literal = source.slice(entry.moduleRequest.start, entry.moduleRequest.end);
        const specifier = /^["'`]([^"'`$]+)["'`]$/.exec(literal)?.[1];
        return specifier ? [{ specifier, typeOnly: false }] : [];
      }),
    ];
    for (const { specifier, typeOnly } of found) {
      const to = resolveImport(from, specifier);
      if (to) edges.push({ from, to, typeOnly });
    }
  }
  return edges;
}
