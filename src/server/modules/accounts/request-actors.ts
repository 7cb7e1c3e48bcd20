import type { FastifyRequest } from "fastify";
import type { SupplierRole } from "#src/contracts/accounts.ts";
import {
  type ClientScope,
  clientScope,
  type OfficeScope,
  officeScope,
} from "#src/server/access/tenant-scope.ts";
import { AppError } from "#src/server/errors.ts";
import type { AuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import type { Clock } from "#src/server/platform/clock.ts";
import type { Database } from "#src/server/platform/db/database.ts";
import { actorOfKind } from "./areas.ts";
import {
  type AccountRow,
  findAccountByEmail,
  type MembershipRow,
  upsertOfficeSoftwareAccount,
} from "./repository.ts";
import { requireAccount } from "./session-plugin.ts";

/** A staff member of an office, as the back office's routes act for them. */
export interface StaffActor {
  account: AccountRow;
  officeId: string;
  /** The office's view, for every query the staff member makes. */
  scope: OfficeScope;
}

/**
 * A client login in the portal, acting for one client (a person, or a company as its main or an
 * extra account) of one office: the membership its session chose (ADR 0011).
 */
export interface ClientActor {
  account: AccountRow;
  membership: MembershipRow;
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

/**
 * The actor a client login is when it acts for one of its own memberships, in that client's
 * view; 403 for any other account or another login's membership.
 */
export function clientActorOf(account: AccountRow, membership: MembershipRow): ClientActor {
  if (account.kind !== "client" || membership.accountId !== account.id || membership.revokedAt) {
    throw new AppError("forbidden");
  }
  const { officeId, clientId } = membership;
  return { account, membership, officeId, clientId, scope: clientScope(officeId, clientId) };
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

/**
 * The logged-in client login, acting for the office and client its session chose; 401/403, or
 * `office_choice_required` while a login of several offices has not chosen one.
 */
export function requireClient(request: FastifyRequest): ClientActor {
  const { account } = requireAccount(request, { kinds: ["client"] });
  const chosen = request.clientMembership;
  if (!chosen) throw new AppError("office_choice_required");
  return clientActorOf(account, chosen.membership);
}

/** The logged-in member of the platform's own staff (the servicedesk), or 401/403. */
export function requirePlatformStaff(request: FastifyRequest): AccountRow {
  return requireAccount(request, { kinds: ["platform"] }).account;
}

/**
 * The logged-in person of the eHerkenning supplier, in one of the roles the route serves, or
 * 401/403. A partner agent is of the same kind as the reviewers but reaches only the
 * identification routes.
 */
export function requireSupplier(
  request: FastifyRequest,
  roles: readonly SupplierRole[],
): AccountRow {
  const { account } = requireAccount(request, { kinds: ["supplier"] });
  if (!roles.includes(account.role as SupplierRole)) throw new AppError("forbidden");
  return account;
}

/** The logged-in holder of an eHerkenning means, or 401/403. */
export function requireMeansHolder(request: FastifyRequest): AccountRow {
  return requireAccount(request, { kinds: ["means"] }).account;
}

/** How an account's own actions appear in the audit log: by its kind and id. */
export function auditActor(account: Pick<AccountRow, "id" | "kind">): AuditEvent["actor"] {
  return { type: actorOfKind[account.kind], id: account.id };
}

/**
 * The office's practice software, acting through the office API (issue 16) once the office's
 * certificate was verified: the office's software account (made on first use), in the office's
 * view. What it publishes, sends and asks is the office's, as a staff member's work is, and the
 * author the clients see is "Praktijksoftware".
 */
export async function officeSoftwareActor(
  db: Database,
  clock: Clock,
  officeId: string,
): Promise<StaffActor> {
  const email = `praktijksoftware@${officeId}.kantoor.invalid`;
  const account =
    (await findAccountByEmail(db, "staff", email)) ??
    (await upsertOfficeSoftwareAccount(db, {
      officeId,
      email,
      name: "Praktijksoftware",
      createdAt: clock.now(),
    }));
  return staffActorOf(account);
}
