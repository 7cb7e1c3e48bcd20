import { ensureBuilt } from "./ensure-built.mjs";

ensureBuilt(["server", "web"]);
await import("../dist/server/main.js");
