import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { askControl, ControlRefused, runningPoort } from "./control-client.ts";
import { controlFolderOf, controlSocketPath } from "./control-protocol.ts";
import { ControlRefusal, ControlServer } from "./control-server.ts";

describe("the control channel", () => {
  let dataDir: string;
  let server: ControlServer;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "poort-control-"));
    server = new ControlServer({ dataDir, logger: pino({ level: "silent" }), version: "9.9.9" });
    server.register("echo", {
      input: z.object({ text: z.string() }),
      async run({ text }, say) {
        say(`saying ${text}`);
        if (text === "no") throw new ControlRefusal("not that");
        return { echoed: text };
      },
    });
    await server.listen();
  });
  afterEach(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("serves registered operations to the owner only, with progress and an answer", async () => {
    expect((await stat(controlFolderOf(dataDir))).mode & 0o777).toBe(0o700);
    expect((await stat(controlSocketPath(dataDir))).mode & 0o777).toBe(0o600);
    expect(await runningPoort(dataDir)).toEqual({ pid: process.pid, version: "9.9.9" });
    const lines: string[] = [];
    const answer = await askControl(controlSocketPath(dataDir), "echo", { text: "hi" }, (line) =>
      lines.push(line),
    );
    expect(answer).toEqual({ echoed: "hi" });
    expect(lines).toEqual(["saying hi"]);
  });

  it("refuses unknown operations, bad input and what the operation refuses, in words", async () => {
    const socket = controlSocketPath(dataDir);
    await expect(askControl(socket, "nope", null, () => {})).rejects.toThrow(
      "This Poort knows no operation nope; it knows: hello, echo.",
    );
    await expect(askControl(socket, "echo", { text: 1 }, () => {})).rejects.toThrow(ControlRefused);
    await expect(askControl(socket, "echo", { text: "no" }, () => {})).rejects.toThrow("not that");
  });

  it("is gone when closed: nobody answers", async () => {
    await server.close();
    expect(await runningPoort(dataDir)).toBeUndefined();
  });
});
