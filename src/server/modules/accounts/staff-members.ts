import type { StaffRole } from "#src/contracts/accounts.ts";
import { AppError } from "#src/server/errors.ts";
import { recordAuditEvent } from "#src/server/platform/audit/record-audit-event.ts";
import { findOfficeStaff } from "./account-directory.ts";
import type { AccountsDeps } from "./deps.ts";
import { endAccountSessions, updateAccount } from "./repository.ts";
import { auditActor, type StaffActor } from "./request-actors.ts";

/**
 * An office admin changes a colleague's role, or deactivates or reactivates them. Admins do
 * not change themselves (an office must keep an admin); a deactivated colleague is logged out
 * everywhere at once, and comes back as invited when they never set a password.
 */
export async function changeStaffMember(
  deps: AccountsDeps,
  admin: StaffActor,
  accountId: string,
  changes: { role?: StaffRole | undefined; active?: boolean | undefined },
): Promise<void> {
  const target = await findOfficeStaff(deps, admin.scope, accountId);
  if (target.id === admin.account.id) throw new AppError("conflict");
  const { role, active } = changes;
  await deps.db.transaction(async (tx) => {
    await updateAccount(tx, target.id, {
      role,
      status:
        active === undefined
          ? undefined
          : active
            ? target.passwordHash
              ? "active"
              : "invited"
            : "deactivated",
    });
    if (active === false) await endAccountSessions(tx, target.id, deps.clock.now());
    await recordAuditEvent(tx, deps.clock, {
      actor: auditActor(admin.account),
      action: active === false ? "staff.deactivated" : "staff.changed",
      subject: { type: "account", id: target.id },
      // The role before, so the office's audit log can say "from handler to admin".
      details: { role, previousRole: role === undefined ? undefined : target.role, active },
      officeId: admin.officeId,
    });
  });
}
