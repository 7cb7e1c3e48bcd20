import { describe, expect, it } from "vitest";
import { ApiError } from "../api/api-client.ts";
import { checkMessageFields, replySubject, serverMessageFieldErrors } from "./message-fields.ts";

const t = (key: string) => key;

describe("message fields", () => {
  it("require a subject and a body", () => {
    expect(checkMessageFields({ subject: " ", body: "" }, t)).toEqual({
      subject: "messages.errors.subjectMissing",
      body: "messages.errors.bodyMissing",
    });
    expect(checkMessageFields({ subject: "Vraag", body: "Hoe gaat het?" }, t)).toEqual({});
  });

  it("refuse texts longer than the server takes", () => {
    expect(checkMessageFields({ subject: "x".repeat(201), body: "y" }, t)).toEqual({
      subject: "messages.errors.subjectTooLong",
    });
  });

  it("put the server's field errors at the fields", () => {
    const error = new ApiError(400, "validation_failed", "Controleer", [
      { path: "body.subject", code: "too_small", message: "Vul een onderwerp in." },
      { path: "body.attachmentIds.0", code: "unknown_attachment", message: "Onbekend" },
    ]);
    expect(serverMessageFieldErrors(error)).toEqual({ subject: "Vul een onderwerp in." });
  });

  it("prefix an answer's subject once", () => {
    expect(replySubject("Koopakte", "Re:")).toBe("Re: Koopakte");
    expect(replySubject("Re: Koopakte", "Re:")).toBe("Re: Koopakte");
  });
});
