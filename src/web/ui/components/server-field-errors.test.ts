import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-client.ts";
import { serverFieldErrors } from "./server-field-errors.ts";

describe("serverFieldErrors", () => {
  it("names the fields of the form the server refused, first message each", () => {
    const error = new ApiError(400, "validation_failed", "Controleer uw invoer.", [
      { path: "body.emailLocalPart", code: "invalid_email", message: "Ongeldig." },
      { path: "body.emailLocalPart", code: "too_long", message: "Te lang." },
      { path: "body.other", code: "x", message: "Niet van dit formulier." },
    ]);
    expect(serverFieldErrors(error, ["emailLocalPart", "mobile"])).toEqual({
      emailLocalPart: "Ongeldig.",
    });
  });

  it("is empty without an error", () => {
    expect(serverFieldErrors(undefined, ["email"])).toEqual({});
  });
});
