import { describe, expect, it } from "vitest";
import { copyOrder } from "./copy-order.ts";

const key = (table: string, references: string) => ({
  name: `${table}_${references}_fk`,
  table,
  references,
});

describe("copyOrder", () => {
  it("puts every table after the tables it refers to", () => {
    const order = copyOrder(
      ["documents", "dossiers", "offices", "accounts"],
      [key("documents", "dossiers"), key("dossiers", "offices"), key("accounts", "offices")],
    );
    expect(order.tables).toEqual(["offices", "accounts", "dossiers", "documents"]);
    expect(order.deferred).toEqual([]);
  });

  it("defers a table's reference to itself, which no order of tables can satisfy", () => {
    const replies = key("messages", "messages");
    const order = copyOrder(["messages", "dossiers"], [replies, key("messages", "dossiers")]);
    expect(order.tables).toEqual(["dossiers", "messages"]);
    expect(order.deferred).toEqual([replies]);
  });

  it("breaks a cycle between tables by deferring one table's keys into it", () => {
    const order = copyOrder(
      ["templates", "versions", "offices"],
      [key("templates", "versions"), key("versions", "templates"), key("templates", "offices")],
    );
    expect(order.tables).toEqual(["offices", "templates", "versions"]);
    expect(order.deferred).toEqual([key("templates", "versions")]);
  });

  it("ignores keys to tables it does not copy", () => {
    const order = copyOrder(["accounts"], [key("accounts", "roles")]);
    expect(order).toEqual({ tables: ["accounts"], deferred: [] });
  });
});
