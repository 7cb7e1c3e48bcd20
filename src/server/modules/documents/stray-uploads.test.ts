import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "#test/support/test-app.ts";

const HOUR_MS = 60 * 60_000;

/** Whatever an upload left behind (a killed request, a dead process) goes after a day. */
describe("the nightly sweep of stray uploads", () => {
  let subject: TestApp;
  let uploadDir: string;

  /** A file in the upload folder, last written at the test clock's "now". */
  async function strayFile(...parts: string[]): Promise<string> {
    const filePath = path.join(uploadDir, ...parts);
    await mkdir(path.dirname(filePath), { recursive: true });
    await writeFile(filePath, "part of an upload");
    const now = subject.clock.now();
    await utimes(filePath, now, now);
    return filePath;
  }

  const remaining = async () =>
    (await readdir(uploadDir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(uploadDir, path.join(entry.parentPath, entry.name)))
      .sort();

  beforeAll(async () => {
    subject = await createTestApp("pglite");
    uploadDir = path.join(subject.services.config.dataDir, "uploads");
  });
  afterAll(() => subject.close());

  it("deletes files over a day old in any sub-folder and keeps fresh ones", async () => {
    await strayFile("office", "killed-staff-upload");
    await strayFile("tus", "deep", "left-by-a-crash");
    await strayFile("some-future-transport", "stray");
    subject.clock.advance(25 * HOUR_MS);
    await strayFile("office", "arriving-now");
    await strayFile("tus", "arriving-now");

    const job = await subject.services.jobs.runScheduleNow("sweep-stray-uploads");

    expect(job).toMatchObject({ state: "completed", lastError: null });
    expect(await remaining()).toEqual([
      path.join("office", "arriving-now"),
      path.join("tus", "arriving-now"),
    ]);
    // The folders stay: the transports write into them.
    expect(await readdir(uploadDir)).toEqual(
      expect.arrayContaining(["office", "tus", "some-future-transport"]),
    );
  });
});
