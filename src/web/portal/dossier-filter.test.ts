import { describe, expect, it } from "vitest";
import { defaultStatuses, filterSearchParams, statusesInUrl } from "./dossier-filter.ts";

const custom = "5f0c6a3e-8a1b-4c2d-9e3f-0a1b2c3d4e5f";
const offered = [
  { key: "in-progress", label: null, count: 2 },
  { key: custom, label: "Wacht op bank", count: 1 },
  { key: "completed", label: null, count: 1 },
];

describe("the dossier filter", () => {
  it("shows the dossiers in progress by default, or all when none is in progress", () => {
    expect(defaultStatuses(offered)).toEqual(["in-progress"]);
    expect(defaultStatuses(offered.slice(1))).toEqual([custom, "completed"]);
    expect(defaultStatuses([])).toEqual([]);
  });

  it("reads the chosen statuses from the address and drops unknown ones", () => {
    expect(statusesInUrl(new URLSearchParams(""))).toBeUndefined();
    expect(statusesInUrl(new URLSearchParams("status="))).toEqual([]);
    expect(statusesInUrl(new URLSearchParams(`status=completed,nope,${custom}`))).toEqual([
      "completed",
      custom,
    ]);
  });

  it("writes the search text and the statuses in the order they are offered", () => {
    const params = filterSearchParams("  koop ", ["completed", "in-progress"], offered);
    expect(params.toString()).toBe("q=koop&status=in-progress%2Ccompleted");
    expect(filterSearchParams("", [], offered).toString()).toBe("status=");
  });
});
