import {
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type Metric,
  Registry,
} from "prom-client";

interface Definition<Label extends string> {
  /** `poort_…`, snake_case; counters end in `_total`, durations in `_seconds`. */
  name: string;
  help: string;
  labelNames?: readonly Label[];
}

/**
 * The Prometheus metrics of one Poort process, in a registry of its own rather than prom-client's
 * global one, so that every `createServices` (tests build several apps in one process) counts
 * for itself. Whoever measures something defines its metric here through `counter`,
 * `histogram` or `scrapedGauges`: the platform services their own, the modules theirs; the
 * registry only gathers them. Node's process metrics (memory, CPU, event loop, GC) come with
 * it, under their usual names (`process_…`, `nodejs_…`), which dashboards expect.
 */
export class Metrics {
  readonly registry = new Registry();

  /**
   * @param exposed whether anyone can scrape this process (a metrics port or token is set): only
   * then Node's process metrics are collected, whose event-loop monitor and GC observer live as
   * long as the process (a test worker builds hundreds of apps that nobody scrapes).
   */
  constructor(exposed: boolean) {
    if (exposed) collectDefaultMetrics({ register: this.registry });
  }

  /**
   * The counter of that name: made at the first call, the same one at every later call (a
   * module's deps are built more than once per process: for the app, for the jobs, the demo).
   */
  counter<Label extends string = never>(definition: Definition<Label>): Counter<Label> {
    return this.#once(definition, Counter, () => new Counter(this.#config(definition)));
  }

  /** The histogram of that name, made once like `counter`; buckets in seconds by default. */
  histogram<Label extends string = never>(
    definition: Definition<Label> & { buckets?: number[] },
  ): Histogram<Label> {
    return this.#once(
      definition,
      Histogram,
      () =>
        new Histogram({
          ...this.#config(definition),
          ...(definition.buckets ? { buckets: definition.buckets } : {}),
        }),
    );
  }

  /**
   * Gauges read at scrape time (from the database, or a pool's counts), several filled by one
   * reading: they are emptied, and `read` sets what it finds now. A scrape asks every metric at once, so
   * the gauges of one reading share it rather than each running the query. A reading that
   * fails fails the scrape (Prometheus then shows the target down), rather than showing
   * numbers of an earlier scrape as now's. Each name can be registered once per process.
   */
  scrapedGauges<Name extends string, Label extends string>(
    definitions: Record<Name, Definition<Label>>,
    read: (gauges: Record<Name, Gauge<Label>>) => Promise<void> | void,
  ): void {
    let reading: Promise<void> | undefined;
    const readOnce = () => {
      reading ??= Promise.resolve()
        .then(() => {
          for (const gauge of Object.values<Gauge<Label>>(gauges)) gauge.reset();
          return read(gauges);
        })
        .finally(() => {
          reading = undefined;
        });
      return reading;
    };
    const gauges = Object.fromEntries(
      Object.entries<Definition<Label>>(definitions).map(([key, definition]) => [
        key,
        new Gauge({ ...this.#config(definition), collect: readOnce }),
      ]),
    ) as Record<Name, Gauge<Label>>;
  }

  /** One gauge without labels read at scrape time, as `scrapedGauges`: e.g. a count of rows. */
  scrapedGauge(definition: Definition<never>, read: () => Promise<number>): void {
    this.scrapedGauges({ gauge: definition }, async ({ gauge }) => gauge.set(await read()));
  }

  /** The exposition of every metric, in Prometheus's text format. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  #config<Label extends string>(definition: Definition<Label>) {
    return {
      name: definition.name,
      help: definition.help,
      labelNames: definition.labelNames ?? [],
      registers: [this.registry],
    };
  }

  #once<Kind extends Metric>(
    definition: Definition<string>,
    kind: abstract new (...args: never[]) => Kind,
    make: () => Kind,
  ): Kind {
    const existing = this.registry.getSingleMetric(definition.name);
    if (existing === undefined) return make();
    if (!(existing instanceof kind)) {
      throw new Error(`metric ${definition.name} is registered already, as another kind`);
    }
    return existing;
  }
}
