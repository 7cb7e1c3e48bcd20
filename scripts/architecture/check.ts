import path from "node:path";
import { importCycles } from "./cycles.ts";
import { importEdges, sourceFiles } from "./import-graph.ts";
import { importRules } from "./rules.ts";

/** What breaks ARCHITECTURE.md's rules in the tree at `root`: one line per finding. */
export function checkArchitecture(root: string): string[] {
  const files = sourceFiles(root, "src");
  const edges = importEdges(root, files);
  const findings = edges.flatMap((edge) =>
    importRules
      .filter((rule) => rule.breaks(edge))
      .map((rule) => `${edge.from} → ${edge.to}: ${rule.name}: ${rule.reason}`),
  );
  for (const cycle of importCycles(edges)) {
    findings.push(`import cycle (type-only imports count too): ${cycle.join(" → ")}`);
  }
  return findings;
}

// `npm run lint` runs this file: it fails on any finding.
if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? ".");
  const findings = checkArchitecture(root);
  for (const finding of findings) console.error(finding);
  if (findings.length > 0) {
    console.error(`\n${findings.length} import(s) break ARCHITECTURE.md's rules.`);
    process.exit(1);
  }
  console.log("architecture: every import keeps ARCHITECTURE.md's rules, and there are no cycles");
}
