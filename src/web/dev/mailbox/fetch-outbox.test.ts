import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchOutbox } from "./fetch-outbox.ts";

const mail = (id: string, sentAt: string) => ({
  id,
  to: "kantoor@example.nl",
  subject: `Mail ${id}`,
  text: "Tekst",
  html: "<p>Tekst</p>",
  locale: "nl",
  attachments: [],
  sentAt,
});

const ids = ["1", "2", "3"].map((n) => `00000000-0000-4000-8000-00000000000${n}`);

function serve(answers: Record<string, Response>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => answers[url] ?? new Response(null, { status: 500 })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("fetchOutbox", () => {
  it("returns mails and text messages newest first", async () => {
    serve({
      "/dev/outbox/mail": Response.json({
        mails: [
          mail(ids[0] ?? "", "2026-05-01T10:00:00Z"),
          mail(ids[1] ?? "", "2026-05-03T10:00:00Z"),
          mail(ids[2] ?? "", "2026-05-02T10:00:00Z"),
        ],
      }),
      "/dev/outbox/sms": Response.json({
        messages: [
          { id: ids[0], to: "+31612345678", text: "a", sentAt: "2026-05-01T10:00:00Z" },
          { id: ids[1], to: "+31612345678", text: "b", sentAt: "2026-05-01T11:00:00Z" },
        ],
      }),
    });
    const outbox = await fetchOutbox(new AbortController().signal);
    expect(outbox.status).toBe("ready");
    if (outbox.status !== "ready") return;
    expect(outbox.mails.map((m) => m.id)).toEqual([ids[1], ids[2], ids[0]]);
    expect(outbox.messages.map((m) => m.text)).toEqual(["b", "a"]);
  });

  it("reports the outbox as disabled when the server has none (404)", async () => {
    serve({
      "/dev/outbox/mail": new Response(null, { status: 404 }),
      "/dev/outbox/sms": new Response(null, { status: 404 }),
    });
    expect(await fetchOutbox(new AbortController().signal)).toEqual({ status: "disabled" });
  });

  it("fails on a server error rather than showing an empty outbox", async () => {
    serve({ "/dev/outbox/mail": Response.json({ mails: [] }) });
    await expect(fetchOutbox(new AbortController().signal)).rejects.toThrow(/500/);
  });

  it("fails on an answer that breaks the contract", async () => {
    serve({
      "/dev/outbox/mail": Response.json({ mails: [{ id: "not-a-mail" }] }),
      "/dev/outbox/sms": Response.json({ messages: [] }),
    });
    await expect(fetchOutbox(new AbortController().signal)).rejects.toThrow();
  });
});
