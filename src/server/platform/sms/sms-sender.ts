import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob } from "../jobs/enqueue-job.ts";
import type { JobRunner } from "../jobs/job-runner.ts";
import { defineJobType } from "../jobs/job-type.ts";
import { phoneNumberSchema } from "./phone-number.ts";
import { smsMessages } from "./schema.ts";
import { type SmsGateway, SmsRejectedError } from "./sms-gateway.ts";

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
  constructor(private readonly options: { clock: Clock; gateway: SmsGateway }) {}

  async queue(db: Database, message: { to: string; text: string }): Promise<string> {
    const [sms] = await db
      .insert(smsMessages)
      .values({
        toNumber: phoneNumberSchema.parse(message.to),
        body: message.text,
        createdAt: this.options.clock.now(),
      })
      .returning({ id: smsMessages.id });
    if (!sms) throw new Error("inserting a text message returned no row");
    await enqueueJob(db, this.options.clock, sendSmsJob, { smsId: sms.id });
    return sms.id;
  }

  registerDelivery(runner: JobRunner): void {
    runner.handle(sendSmsJob, ({ smsId }, { db }) => this.#send(db, smsId));
  }

  async #send(db: Database, smsId: string): Promise<void> {
    const { gateway, clock } = this.options;
    const [sms] = await db.select().from(smsMessages).where(eq(smsMessages.id, smsId));
    if (sms?.status !== "queued") return;
    try {
      await gateway.send({ to: sms.toNumber, text: sms.body, reference: sms.id });
    } catch (error) {
      if (!(error instanceof SmsRejectedError)) throw error;
      await db
        .update(smsMessages)
        .set({ status: "failed", gateway: gateway.name, lastError: error.message })
        .where(eq(smsMessages.id, smsId));
      return;
    }
    await db
      .update(smsMessages)
      .set({ status: "sent", gateway: gateway.name, sentAt: clock.now(), lastError: null })
      .where(eq(smsMessages.id, smsId));
  }
}
