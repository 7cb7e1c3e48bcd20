// Preloaded into a server process that a benchmark starts (`NODE_OPTIONS=--import <this file>`):
// SIGUSR2 starts V8's CPU profiler, the next SIGUSR2 stops it and writes the profile to the
// file POORT_PROFILE_FILE (under a temporary name first, so whoever waits for the file never
// reads half of it). A profile then covers exactly the load the benchmark measures, not the
// process's start, which `--cpu-prof` (not allowed in NODE_OPTIONS anyway) would include.
import { renameSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector";

const file = process.env.POORT_PROFILE_FILE;

if (file) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on("SIGUSR2", () => {
    // A session in the process itself answers at once, inside `post`.
    if (!running) {
      session.post("Profiler.enable");
      session.post("Profiler.start");
    } else {
      session.post("Profiler.stop", (error, result) => {
        if (error) throw error;
        writeFileSync(`${file}.part`, JSON.stringify(result.profile));
        renameSync(`${file}.part`, file);
      });
    }
    running = !running;
  });
}
