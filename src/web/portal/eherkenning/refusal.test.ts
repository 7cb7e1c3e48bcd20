import { describe, expect, it } from "vitest";
import { refusalFromQuery } from "./refusal.ts";

const read = (search: string) => refusalFromQuery(new URLSearchParams(search));

describe("refusalFromQuery", () => {
  it("reads each refusal the server's redirect names", () => {
    for (const refusal of ["unknown-company", "invalid", "cancelled"] as const)
      expect(read(`?eherkenning=${refusal}`)).toEqual({ refusal });
  });

  it("reads the level the office demands with a level too low", () => {
    expect(read("?eherkenning=level-too-low&niveau=EH3")).toEqual({
      refusal: "level-too-low",
      level: "EH3",
    });
    expect(read("?eherkenning=level-too-low&niveau=EH2%2B")).toEqual({
      refusal: "level-too-low",
      level: "EH2+",
    });
  });

  it("still says the level was too low when the level is missing or no level", () => {
    expect(read("?eherkenning=level-too-low")).toEqual({ refusal: "level-too-low" });
    expect(read("?eherkenning=level-too-low&niveau=EH9")).toEqual({ refusal: "level-too-low" });
  });

  it("takes a level only with a level too low", () => {
    expect(read("?eherkenning=cancelled&niveau=EH3")).toEqual({ refusal: "cancelled" });
  });

  it("says nothing without a refusal, or with one that is not ours", () => {
    expect(read("")).toBeUndefined();
    expect(read("?uitgelogd=1")).toBeUndefined();
    expect(read("?eherkenning=<script>")).toBeUndefined();
  });
});
