#!/usr/bin/env node
import { ensureBuilt } from "../scripts/ensure-built.mjs";

ensureBuilt(["server"]);
await import("../dist/cli/main.js");
