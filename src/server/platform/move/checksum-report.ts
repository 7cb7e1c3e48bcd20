/** One table's rows, or one namespace's objects: how many, and a digest of them all (SHA-256). */
export interface Tally {
  name: string;
  count: number;
  digest: string;
}

/** Where a sequence stands: the value it last gave. */
export interface SequenceState {
  name: string;
  position: string;
}

/** One side of the move, counted the same way as the other. */
export interface InstallationTally {
  tables: Tally[];
  sequences: SequenceState[];
  namespaces: Tally[];
}

export interface ChecksumReport {
  /** Source and target side by side: a line per table, sequence and namespace. */
  lines: string[];
  /** What differs, a line each; none: nothing was lost. */
  differences: string[];
}

/** Shown of a digest: enough to compare by eye; the comparison itself takes all of it. */
const SHOWN_DIGEST = 16;
/** The width of a count and its shown digest, so that both sides line up. */
const SHOWN_TALLY = 7 + 1 + SHOWN_DIGEST;

/**
 * Compares the source installation with the target after the move. Each line shows both sides
 * with `=` between them, or `≠` where they differ; a table, sequence or namespace that one
 * side lacks counts as a difference too.
 */
export function checksumReport(
  source: InstallationTally,
  target: InstallationTally,
): ChecksumReport {
  const differences: string[] = [];
  const width = Math.max(
    ...[source, target].flatMap((side) =>
      [...side.tables, ...side.sequences, ...side.namespaces].map((item) => item.name.length),
    ),
  );
  const section = <T extends { name: string }>(
    kind: string,
    from: readonly T[],
    to: readonly T[],
    shown: (item: T) => string,
    same: (a: T, b: T) => boolean,
  ): string[] =>
    pairsByName(from, to).map(([a, b]) => {
      const name = a?.name ?? b?.name ?? "";
      const equal = a !== undefined && b !== undefined && same(a, b);
      const left = a ? shown(a) : "missing";
      const right = b ? shown(b) : "missing";
      if (!equal) differences.push(`${kind} ${name}: ${left} → ${right}`);
      return `  ${name.padEnd(width)}  ${left} ${equal ? "=" : "≠"} ${right}`;
    });

  const shownTally = (tally: Tally) =>
    `${String(tally.count).padStart(7)} ${tally.digest.slice(0, SHOWN_DIGEST)}`;
  const sameTally = (a: Tally, b: Tally) => a.count === b.count && a.digest === b.digest;
  const lines = [
    "Tables: rows, and a digest of them in primary-key order (source = target)",
    ...section("table", source.tables, target.tables, shownTally, sameTally),
    "Sequences: the value each gave last",
    ...section(
      "sequence",
      source.sequences,
      target.sequences,
      (state) => state.position.padStart(SHOWN_TALLY),
      (a, b) => a.position === b.position,
    ),
    "Files: objects, and a digest of their keys and the SHA-256 of their bytes, read back",
    ...section("files", source.namespaces, target.namespaces, shownTally, sameTally),
  ];
  return { lines, differences };
}

/** The items of both sides paired by name, in name order; a name one side lacks pairs with none. */
function pairsByName<T extends { name: string }>(
  from: readonly T[],
  to: readonly T[],
): Array<[T | undefined, T | undefined]> {
  const sourceByName = new Map(from.map((item) => [item.name, item]));
  const targetByName = new Map(to.map((item) => [item.name, item]));
  const names = [...new Set([...sourceByName.keys(), ...targetByName.keys()])].sort();
  return names.map((name) => [sourceByName.get(name), targetByName.get(name)]);
}
