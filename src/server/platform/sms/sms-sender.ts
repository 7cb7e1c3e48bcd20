import { eq } from "drizzle-orm";
import { z } from "zod";
import { phoneNumberSchema } from "#src/contracts/phone-number.ts";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import type { Metrics } from "../metrics/metrics.ts";
import { smsMessages } from "./schema.ts";
import { type SmsGateway, SmsRejectedError } from "./sms-gateway.ts";
import { type SmsMetrics, smsMetrics } from "./sms-metrics.ts";

export const sendSmsJob = defineJobType({
  name: "sms.send",
  payload: z.object({ smsId: z.uuid() }),
  // Codes in texts expire within minutes: retry briefly, then give up.
  maxAttempts: 4,
  retryDelayMs: 5_000,
  lockMs: 60_000,
});

/** Queues text messages in the caller's transaction and sends them through a job. */
export class SmsSender {
  readonly #measured: SmsMetrics | undefined;

  constructor(
    private readonly options: {
      clock: Clock;
      gateway: SmsGateway;
      /** Where queued, sent and failed texts are counted; unset: not measured. */
      metrics?: Metrics | undefined;
    },
  ) {
    this.#measured = options.metrics && smsMetrics(options.metrics);
  }

  /** `secret`: the text is wiped from the database once a real gateway has it. */
  async queue(
    db: Database,
    message: { to: string; text: string; secret?: boolean },
  ): Promise<string> {
    const [sms] = await db
      .insert(smsMessages)
      .values({
        toNumber: phoneNumberSchema.parse(message.to),
        body: message.text,
        forgetAfterDelivery: message.secret ?? false,
        createdAt: this.options.clock.now(),
      })
      .returning({ id: smsMessages.id });
    if (!sms) throw new Error("inserting a text message returned no row");
    await enqueueJob(db, this.options.clock, sendSmsJob, { smsId: sms.id });
    this.#measured?.queued();
    return sms.id;
  }

  registerDelivery(runner: JobRunner): void {
    runner.handle(sendSmsJob, ({ smsId }, { db, isLastAttempt }) =>
      this.#send(db, smsId, isLastAttempt),
    );
  }

  /**
   * A secret's text, once the gateway has had its chance, is kept nowhere. The dev outbox is
   * the recipient's phone itself, so there the text stays readable.
   */
  #wiped(sms: { forgetAfterDelivery: boolean }) {
    return sms.forgetAfterDelivery && this.options.gateway.name !== "outbox"
      ? { body: "[verwijderd na verzending]" }
      : {};
  }

  async #send(db: Database, smsId: string, isLastAttempt: boolean): Promise<void> {
    const { gateway, clock } = this.options;
    const [sms] = await db.select().from(smsMessages).where(eq(smsMessages.id, smsId));
    if (sms?.status !== "queued") return;
    try {
      await gateway.send({ to: sms.toNumber, text: sms.body, reference: sms.id });
    } catch (error) {
      const rejected = error instanceof SmsRejectedError;
      // The row tells an operator why the text has not arrived; once the job stops retrying,
      // the text is failed rather than queued for ever.
      const final = rejected || isLastAttempt;
      await db
        .update(smsMessages)
        .set({
          lastError: error instanceof Error ? error.message : String(error),
          ...(final
            ? { status: "failed" as const, gateway: gateway.name, ...this.#wiped(sms) }
            : {}),
        })
        .where(eq(smsMessages.id, smsId));
      if (final) this.#measured?.failed(rejected ? "rejected" : "gave_up");
      if (rejected) return;
      throw error;
    }
    await db
      .update(smsMessages)
      .set({
        status: "sent",
        gateway: gateway.name,
        sentAt: clock.now(),
        lastError: null,
        ...this.#wiped(sms),
      })
      .where(eq(smsMessages.id, smsId));
    this.#measured?.sent();
  }
}
