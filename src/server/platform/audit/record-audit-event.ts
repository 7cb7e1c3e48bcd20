import type { Clock } from "../clock.ts";
import type { Database } from "../db/database.ts";
import { auditEvents } from "./schema.ts";

export type ActorType =
  | "system"
  | "operator"
  | "client"
  | "staff"
  | "platform-staff"
  | "office"
  | "means-holder"
  | "supplier-staff"
  | "applicant"
  | "representative";

export interface AuditEvent {
  actor: { type: ActorType; id?: string };
  /** Dotted verb, e.g. `session.login-failed`, `certificate.issued`. */
  action: string;
  subject?: { type: string; id: string };
  ip?: string;
  details?: Record<string, unknown>;
  /** The office whose audit log shows the event (its back office's "Auditlog"), if any. */
  officeId?: string;
}

/** Records a security event; pass the transaction of the change it describes. */
export async function recordAuditEvent(
  db: Database,
  clock: Clock,
  event: AuditEvent,
): Promise<void> {
  await db.insert(auditEvents).values({
    occurredAt: clock.now(),
    actorType: event.actor.type,
    actorId: event.actor.id,
    action: event.action,
    subjectType: event.subject?.type,
    subjectId: event.subject?.id,
    ip: event.ip,
    details: event.details ?? {},
    officeId: event.officeId,
  });
}
