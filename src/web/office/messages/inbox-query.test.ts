import { describe, expect, it } from "vitest";
import { inboxApiQuery, readInboxQuery, writeInboxQuery } from "./inbox-query.ts";

const id = "0b7c6f3e-2a41-4a8e-9c1d-5f0e6a7b8c9d";

describe("inbox query", () => {
  it("reads what it wrote", () => {
    const query = {
      handler: "none",
      dossierId: id,
      read: "unread",
      state: "open",
      page: 2,
    } as const;
    expect(readInboxQuery(writeInboxQuery(query))).toEqual(query);
  });

  it("drops odd values", () => {
    expect(readInboxQuery(new URLSearchParams("handler=x&read=maybe&page=-1"))).toEqual({
      handler: "",
      dossierId: "",
      read: "",
      state: "",
      page: 1,
    });
  });

  it("asks the API for the set filters only", () => {
    expect(inboxApiQuery(readInboxQuery(new URLSearchParams("read=unread")))).toEqual({
      handler: undefined,
      dossierId: undefined,
      read: "unread",
      state: undefined,
      page: 1,
      pageSize: 25,
    });
  });
});
