import { describe, expect, it } from "vitest";
import { createKvkRegister } from "./create-kvk-register.ts";
import { embeddedCompanies } from "./embedded-register.ts";

describe("createKvkRegister", () => {
  it("uses the embedded test companies without an API key", async () => {
    const register = createKvkRegister({ apiUrl: "http://127.0.0.1:9/api" });
    const { kvkNumber, name } = embeddedCompanies.soleOwner;
    expect((await register.findCompany(kvkNumber))?.name).toBe(name);
  });

  it("asks the KvK API once a key is configured", async () => {
    // Port 9 (discard) refuses the connection: the adapter, not the embedded data, answered.
    const register = createKvkRegister({ apiKey: "key", apiUrl: "http://127.0.0.1:9/api" });
    await expect(register.findCompany(embeddedCompanies.soleOwner.kvkNumber)).rejects.toThrow(
      /KvK API could not be reached/,
    );
  });
});
