import type { FastifyRequest } from "fastify";
import {
  type ClientScope,
  clientScope,
  type OfficeScope,
  officeScope,
} from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import type { AuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { actorOfKind } from "./areas.ts";
import type { AccountRow } from "./repository.ts";
import { requireAccount } from "./session-plugin.ts";

/** A staff member of an office, as the back office's routes act for them. */
export interface StaffActor {
  account: AccountRow;
  officeId: string;
  /** The office's view, for every query the staff member makes. */
  scope: OfficeScope;
}

/** An account of a client (a person, or one of a company's accounts) in the portal. */
export interface ClientActor {
  account: AccountRow;
  officeId: string;
  clientId: string;
  /** The client's view, for every query the account makes. */
  scope: ClientScope;
}

/** The actor a staff account acts as, in its office's view; 403 for an account of no office. */
export function staffActorOf(account: AccountRow): StaffActor {
  if (account.kind !== "staff" || !account.officeId) throw new AppError("forbidden");
  return { account, officeId: account.officeId, scope: officeScope(account.officeId) };
}

/** The actor a client account acts as, in its client's view; 403 for any other account. */
export function clientActorOf(account: AccountRow): ClientActor {
  if (account.kind !== "client" || !account.officeId || !account.clientId) {
    throw new AppError("forbidden");
  }
  const { officeId, clientId } = account;
  return { account, officeId, clientId, scope: clientScope(officeId, clientId) };
}

/** The logged-in staff member of an office, or 401/403. */
export function requireStaff(request: FastifyRequest): StaffActor {
  return staffActorOf(requireAccount(request, { kinds: ["staff"] }).account);
}

/** The logged-in staff member, who must be one of the office's admins. */
export function requireOfficeAdmin(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request);
  if (staff.account.role !== "admin") throw new AppError("forbidden");
  return staff;
}

/** The logged-in client account, or 401/403. */
export function requireClient(request: FastifyRequest): ClientActor {
  return clientActorOf(requireAccount(request, { kinds: ["client"] }).account);
}

/** The logged-in member of the platform's own staff (the servicedesk), or 401/403. */
export function requirePlatformStaff(request: FastifyRequest): AccountRow {
  return requireAccount(request, { kinds: ["platform"] }).account;
}

/** How an account's own actions appear in the audit log: by its kind and id. */
export function auditActor(account: Pick<AccountRow, "id" | "kind">): AuditEvent["actor"] {
  return { type: actorOfKind[account.kind], id: account.id };
}
