import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import { printTable } from "./report.ts";

/**
 * CPU profiles of this process (Poort runs in it; the load comes from a worker thread, which the
 * profile leaves out) while a benchmark measures, for `npm run bench <name> -- --profile`. Each
 * profile is written as a `.cpuprofile` (open it in Chrome DevTools or speedscope) and summed up
 * in two tables: where the time went by package or Poort module, and the functions that took
 * the most time of their own.
 */
export const profiling = process.argv.includes("--profile");

/** Sampling every 100 µs: a request of a few milliseconds still gets dozens of samples. */
const SAMPLING_INTERVAL_US = 100;
const TOP_FUNCTIONS = 20;

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Runs `work`, profiled when `--profile` is given; `label` names the profile's file. */
export async function maybeProfiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  if (!profiling) return work();
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
    await session.post("Profiler.start");
    const result = await work();
    const { profile } = (await session.post("Profiler.stop")) as { profile: Profile };
    const file = path.join(os.tmpdir(), `poort-${label.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    console.log(`\nCPU profile of ${label}: ${file}`);
    summarise(profile);
    return result;
  } finally {
    session.disconnect();
  }
}

/** Self time per node, from the samples and their time deltas (µs). */
function selfTimes(profile: Profile): Map<number, number> {
  const times = new Map<number, number>();
  const { samples = [], timeDeltas = [] } = profile;
  samples.forEach((nodeId, index) => {
    times.set(nodeId, (times.get(nodeId) ?? 0) + (timeDeltas[index] ?? 0));
  });
  return times;
}

/** Where a function lives: a package, a Poort module, Node itself, or V8's own entries. */
function placeOf(url: string, functionName: string): string {
  if (!url) return `(${functionName.replace(/[()]/g, "") || "native"})`;
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packaged) return packaged[1] as string;
  if (url.startsWith("node:")) return "node (built-in)";
  const own = /\/(src\/server\/(?:modules|platform)\/[^/]+|src\/[^/]+|bench)\//.exec(url);
  return own ? (own[1] as string) : url;
}

function summarise(profile: Profile): void {
  const times = selfTimes(profile);
  const total = [...times.values()].reduce((sum, time) => sum + time, 0);
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const time = times.get(node.id) ?? 0;
    if (time === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const place = placeOf(url, functionName);
    byPlace.set(place, (byPlace.get(place) ?? 0) + time);
    const name = `${functionName || "(anonymous)"} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ""}`;
    byFunction.set(`${place}\t${name}`, (byFunction.get(`${place}\t${name}`) ?? 0) + time);
  }
  const share = (time: number) => `${((time / total) * 100).toFixed(1)}%`;
  const sorted = (map: Map<string, number>) => [...map].sort(([, a], [, b]) => b - a);
  printTable(
    sorted(byPlace)
      .filter(([, time]) => time / total >= 0.005)
      .map(([place, time]) => ({ "where (self time)": place, share: share(time) })),
  );
  printTable(
    sorted(byFunction)
      .slice(0, TOP_FUNCTIONS)
      .map(([key, time]) => {
        const [place, name] = key.split("\t");
        return { function: name ?? "", where: place ?? "", share: share(time) };
      }),
  );
}
