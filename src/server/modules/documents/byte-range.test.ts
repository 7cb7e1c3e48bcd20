import { describe, expect, it } from "vitest";
import { requestedPart } from "./byte-range.ts";

describe("the byte range a request asks for", () => {
  it.each([
    ["bytes=0-0", { kind: "range", range: { start: 0, end: 0 } }],
    ["bytes=10-19", { kind: "range", range: { start: 10, end: 19 } }],
    ["bytes=90-", { kind: "range", range: { start: 90, end: 99 } }],
    ["bytes=90-500", { kind: "range", range: { start: 90, end: 99 } }],
    ["bytes=-5", { kind: "range", range: { start: 95, end: 99 } }],
    ["bytes=-500", { kind: "range", range: { start: 0, end: 99 } }],
    ["bytes=100-", { kind: "unsatisfiable" }],
    ["bytes=-0", { kind: "unsatisfiable" }],
  ])("reads %s of 100 bytes as %j", (header, expected) => {
    expect(requestedPart(header, 100)).toEqual(expected);
  });

  it.each([
    undefined,
    "",
    "bytes=",
    "bytes=-",
    "bytes=5-2",
    "items=0-5",
    "bytes=0-1,4-5",
    "bytes=a-b",
  ])("answers %j with the whole file", (header) => {
    expect(requestedPart(header, 100)).toEqual({ kind: "whole" });
  });
});
