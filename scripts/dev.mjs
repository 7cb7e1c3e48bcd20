import { spawn } from "node:child_process";

/** Development: the web apps rebuild on change, and the server restarts on change. */
const children = [
  spawn("npx", ["vite", "build", "--watch", "--mode", "development"], { stdio: "inherit" }),
  // The "source" condition leads `#src/*` imports to the sources instead of dist/.
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "src/server/main.ts"], {
    stdio: "inherit",
    // No balancer to drain from: a restart on change should not wait for one.
    env: { SHUTDOWN_DRAIN_MS: "0", ...process.env, NODE_OPTIONS: "--conditions=source" },
  }),
];
const stopAll = () => {
  for (const child of children) child.kill("SIGTERM");
};
process.once("SIGINT", stopAll);
process.once("SIGTERM", stopAll);
for (const child of children) child.once("exit", stopAll);
