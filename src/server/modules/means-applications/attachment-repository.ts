import { and, asc, eq } from "drizzle-orm";
import type { Database } from "#src/server/platform/db/database.ts";
import { applicationAttachments } from "./schema.ts";

/** The ID copies attached to an application; their bytes are in the blob store. */

export type AttachmentRow = typeof applicationAttachments.$inferSelect;

export function listAttachments(db: Database, applicationId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(applicationAttachments)
    .where(eq(applicationAttachments.applicationId, applicationId))
    .orderBy(asc(applicationAttachments.createdAt), asc(applicationAttachments.id));
}

/** The application's attachment (none of another application's). */
const attachmentOf = (applicationId: string, attachmentId: string) =>
  and(
    eq(applicationAttachments.applicationId, applicationId),
    eq(applicationAttachments.id, attachmentId),
  );

export async function findAttachment(
  db: Database,
  applicationId: string,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(applicationAttachments)
    .where(attachmentOf(applicationId, attachmentId));
  return row;
}

export async function insertAttachment(
  db: Database,
  values: typeof applicationAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const [row] = await db.insert(applicationAttachments).values(values).returning();
  if (!row) throw new Error("inserting an attachment returned no row");
  return row;
}

/** Deletes the application's attachment; returns it. */
export async function deleteAttachment(
  db: Database,
  applicationId: string,
  attachmentId: string,
): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .delete(applicationAttachments)
    .where(attachmentOf(applicationId, attachmentId))
    .returning();
  return row;
}
