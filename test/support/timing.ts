import { performance } from "node:perf_hooks";
import type { ApiClient } from "./api-client.ts";

/** One kind of request whose answer time is compared: a label for the message, and its sending. */
export interface TimedRequest {
  label: string;
  /** Sends the request and waits for the whole answer; throws when the answer is not as expected. */
  send: () => Promise<unknown>;
}

export interface TimingOptions {
  /** Measured requests of each kind (default 40). */
  samples?: number;
  /** Rounds sent first and not counted, while code, caches and connections warm up (default 5). */
  warmUp?: number;
  /** Runs before every request, untimed: e.g. a test clock moved past a rate-limit window. */
  prepare?: () => unknown;
}

export interface TimingComparison {
  /** Milliseconds per request of the first kind, in the order sent. */
  first: number[];
  /** Milliseconds per request of the second kind, in the order sent. */
  second: number[];
  /**
   * How often a request of the first kind took longer than one of the second, over all pairs of
   * the two samples (ties count half): 0.5 when the two distributions lie on top of each other,
   * 1 or 0 when they do not overlap at all (the Mann–Whitney statistic as a fraction).
   */
  firstSlower: number;
  /** Whether the two distributions overlap: `firstSlower` within `band`. */
  overlap: boolean;
  /** Where `firstSlower` falls for two samples of one distribution, but once in 10 000 runs. */
  band: [number, number];
  /** Both distributions and the verdict, for the message of a failing test. */
  message: string;
}

/**
 * How far (in standard deviations) `firstSlower` may stray from one half before the timing
 * counts as telling: two samples of one distribution stray further about once in 10 000 runs.
 */
const Z_ONE_IN_10_000 = 3.9;

/**
 * Measures how long two kinds of request take, such as a password reset for an address that
 * has an account and for one that has none, to see whether the timing of the answer tells them
 * apart. The requests are interleaved (A B, B A, A B, …), so whatever else the machine does at
 * a moment slows both kinds alike, and compared by ranks, never by means or by absolute
 * thresholds: a loaded machine makes every request slower, not one kind.
 *
 * The verdict: when both kinds do the same work, a request of the first kind is slower than one
 * of the second in half of all pairings; when one kind does more, in nearly all of them. The
 * two overlap while that fraction stays within the band that two samples of one distribution
 * leave only once in 10 000 runs, whatever the distribution (a rank statistic): 25–75% at 40
 * requests each, 3–97% at 12. A leak like the one of issue 11 (12–17 ms against 4–8 ms) lands
 * at 100%. ("The median of each within the other's interquartile range" would fail about one
 * run in 30 for two samples of one distribution.)
 */
export async function compareTimings(
  first: TimedRequest,
  second: TimedRequest,
  options: TimingOptions = {},
): Promise<TimingComparison> {
  const { samples = 40, warmUp = 5, prepare } = options;
  const timed = async (request: TimedRequest): Promise<number> => {
    await prepare?.();
    const start = performance.now();
    await request.send();
    return performance.now() - start;
  };
  for (let round = 0; round < warmUp; round++) {
    await timed(first);
    await timed(second);
  }
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let round = 0; round < samples; round++) {
    if (round % 2 === 0) {
      firstTimes.push(await timed(first));
      secondTimes.push(await timed(second));
    } else {
      secondTimes.push(await timed(second));
      firstTimes.push(await timed(first));
    }
  }

  const firstSlower = fractionSlower(firstTimes, secondTimes);
  // The spread of the Mann–Whitney statistic for two samples of one distribution, as a fraction.
  const spread = Math.sqrt((2 * samples + 1) / (12 * samples * samples));
  const band: [number, number] = [
    Math.max(0, 0.5 - Z_ONE_IN_10_000 * spread),
    Math.min(1, 0.5 + Z_ONE_IN_10_000 * spread),
  ];
  const overlap = firstSlower >= band[0] && firstSlower <= band[1];
  const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
  const bandText = `${percent(band[0])}–${percent(band[1])}`;
  const message = [
    `${describeSample(first.label, firstTimes)}; ${describeSample(second.label, secondTimes)}.`,
    `"${first.label}" took longer than "${second.label}" in ${percent(firstSlower)} of all pairings of the two samples`,
    overlap
      ? `(${bandText} counts as overlapping): the timing does not tell them apart.`
      : `(overlapping would be ${bandText}): the timing of the answer tells which is which.`,
  ].join(" ");
  return { first: firstTimes, second: secondTimes, firstSlower, overlap, band, message };
}

/** The fraction of pairs (a, b) with a > b, ties counted half. */
function fractionSlower(a: number[], b: number[]): number {
  let slower = 0;
  for (const x of a) {
    for (const y of b) slower += x > y ? 1 : x === y ? 0.5 : 0;
  }
  return slower / (a.length * b.length);
}

/** The q-quantile (0…1) of a sample, interpolated between its two nearest values. */
export function quantile(sample: number[], q: number): number {
  const sorted = [...sample].sort((x, y) => x - y);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below] ?? Number.NaN;
  const high = sorted[above] ?? Number.NaN;
  return low + (high - low) * (position - below);
}

function describeSample(label: string, sample: number[]): string {
  const ms = (value: number) => value.toFixed(1);
  return `${label}: median ${ms(quantile(sample, 0.5))} ms (interquartile range ${ms(
    quantile(sample, 0.25),
  )}–${ms(quantile(sample, 0.75))} ms, ${sample.length} requests)`;
}

export interface HttpAnswer {
  status: number;
  body: string;
}

/**
 * Sends requests over real HTTP to a listening Poort, as an attacker measuring answer times
 * would, in the name of a browser of the tests (`ApiClient`): with its cookies and CSRF token.
 * Connections are kept alive, so every request after the first finds its connection open.
 */
export function httpSender(baseUrl: string, browser: ApiClient) {
  return async (
    method: "GET" | "POST" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<HttpAnswer> => {
    const headers: Record<string, string> = {
      cookie: [...browser.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      "x-csrf-token": browser.csrfToken ?? "",
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.text() };
  };
}
