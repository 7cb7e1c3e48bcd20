/** A foreign key as the copy order sees it: which table refers to which. */
export interface ForeignKeyEdge {
  name: string;
  table: string;
  references: string;
}

export interface CopyOrder<Key extends ForeignKeyEdge> {
  /** Every table, each after the tables it refers to wherever that is possible. */
  tables: string[];
  /**
   * The foreign keys no order of tables can satisfy row by row: a table's reference to itself
   * (a message answering another), and one key of each cycle between tables. Their checks wait
   * for the end of the copy.
   */
  deferred: Key[];
}

/**
 * The order in which to copy `tables` so that a row's references exist when it is inserted,
 * computed from the foreign keys. Tables that are ready together come in name order, so the
 * order is the same on every run.
 */
export function copyOrder<Key extends ForeignKeyEdge>(
  tables: readonly string[],
  foreignKeys: readonly Key[],
): CopyOrder<Key> {
  const remaining = new Set(tables);
  const known = foreignKeys.filter(
    (key) => remaining.has(key.table) && remaining.has(key.references),
  );
  const deferred = known.filter((key) => key.table === key.references);
  let waiting = known.filter((key) => key.table !== key.references);
  const order: string[] = [];
  while (remaining.size > 0) {
    const blocked = new Set(waiting.map((key) => key.table));
    let ready = [...remaining].filter((table) => !blocked.has(table)).sort();
    if (ready.length === 0) {
      // Every table left waits for another: a cycle. Its first table by name goes now, and its
      // references to the tables still waiting are checked at the end instead.
      const [first] = [...remaining].sort() as [string];
      deferred.push(...waiting.filter((key) => key.table === first));
      ready = [first];
    }
    for (const table of ready) {
      remaining.delete(table);
      order.push(table);
    }
    waiting = waiting.filter((key) => remaining.has(key.table) && remaining.has(key.references));
  }
  return { tables: order, deferred };
}
