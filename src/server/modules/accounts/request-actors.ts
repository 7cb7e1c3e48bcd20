import type { FastifyRequest } from "fastify";
import { AppError } from "#src/server/errors.ts";
import type { AccountRow } from "./repository.ts";
import { requireAccount } from "./session-plugin.ts";

/** A staff member of an office, as the back office's routes act for them. */
export interface StaffActor {
  account: AccountRow;
  officeId: string;
}

/** An account of a client (a person, or one of a company's accounts) in the portal. */
export interface ClientActor {
  account: AccountRow;
  officeId: string;
  clientId: string;
}

/** The logged-in staff member of an office, or 401/403. */
export function requireStaff(request: FastifyRequest): StaffActor {
  const { account } = requireAccount(request, { kinds: ["staff"] });
  if (!account.officeId) throw new AppError("forbidden");
  return { account, officeId: account.officeId };
}

/** The logged-in staff member, who must be one of the office's admins. */
export function requireOfficeAdmin(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request);
  if (staff.account.role !== "admin") throw new AppError("forbidden");
  return staff;
}

/** The logged-in client account, or 401/403. */
export function requireClient(request: FastifyRequest): ClientActor {
  const { account } = requireAccount(request, { kinds: ["client"] });
  if (!account.officeId || !account.clientId) throw new AppError("forbidden");
  return { account, officeId: account.officeId, clientId: account.clientId };
}
