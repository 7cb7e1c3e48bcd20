/**
 * SQL that Poort's repositories send, as Drizzle writes it, for the bare servers of more than
 * one benchmark (copied from `.text` of the queries Poort sends; each run checks that the bare
 * server still sends what Poort does, and prints Poort's text when not).
 */

/** `in ($n, $n+1, …)` for `count` values, numbered from `first`, as Drizzle writes `inArray`. */
export const placeholders = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) => `$${first + index}`).join(", ");

/** accounts/repository.ts `findLiveSessionByHash`: $1 the token's hash, $2 now. */
export const SESSION_BY_HASH =
  'select "id", "token_hash", "account_id", "stage", "client_membership_id", "csrf_token", "ip", "user_agent", "last_seen_at", "expires_at", "ended_at", "created_at" from "sessions" where ("sessions"."token_hash" = $1 and "sessions"."ended_at" is null and "sessions"."expires_at" > $2)';

/** accounts/repository.ts `updateSession`: the plugin's touch, at most once a minute. */
export const SESSION_TOUCH = 'update "sessions" set "last_seen_at" = $1 where "sessions"."id" = $2';

/** accounts/repository.ts `findAccountById`: $1 the session's account. */
export const ACCOUNT_BY_ID =
  'select "id", "kind", "office_id", "role", "email", "name", "mobile", "locale", "status", "password_hash", "password_changed_at", "two_factor_method", "two_factor_phone", "totp_secret", "totp_last_step", "notify_documents", "notify_questionnaires", "notify_messages", "profile_seen_at", "failed_logins", "locked_until", "created_at" from "accounts" where "accounts"."id" = $1';

/** accounts/repository.ts `findAccountMembership`: $1 the session's membership, $2 its account. */
export const MEMBERSHIP_BY_ID =
  'select "client_memberships"."id", "client_memberships"."account_id", "client_memberships"."office_id", "client_memberships"."client_id", "client_memberships"."is_main_account", "client_memberships"."name", "client_memberships"."invited_at", "client_memberships"."joined_at", "client_memberships"."revoked_at", "client_memberships"."created_at", "offices"."name", "clients"."name", "clients"."kind" from "client_memberships" inner join "offices" on "offices"."id" = "client_memberships"."office_id" inner join "clients" on "clients"."id" = "client_memberships"."client_id" where ("client_memberships"."id" = $1 and "client_memberships"."account_id" = $2)';

/** dossiers/repository.ts `selectDossiers`: the columns and joins of every dossier answer. */
export const SELECT_DOSSIERS =
  'select "dossiers"."id", "dossiers"."office_id", "offices"."name", "dossiers"."number", "dossiers"."description", "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", "dossiers"."handler_id", "accounts"."name", "dossiers"."created_at", "dossiers"."updated_at" from "dossiers" inner join "offices" on "offices"."id" = "dossiers"."office_id" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" left join "accounts" on "accounts"."id" = "dossiers"."handler_id"';

/** access/tenant-filters.ts `inVisibleDossier` for a client: $n office, $n+1 client. */
export const sharedWithClient = (
  table: "dossiers" | "documents" | "messages" | "actions",
  n: number,
) => {
  const dossierId = table === "dossiers" ? '"dossiers"."id"' : `"${table}"."dossier_id"`;
  return `("${table}"."office_id" = $${n} and exists (select 1 from "dossier_clients" where "dossier_clients"."dossier_id" = ${dossierId}\n          and "dossier_clients"."client_id" = $${n + 1}))`;
};

/**
 * messages/repository.ts `visibleTo`, the messages a client sees: $n office, $n+1 client (the
 * dossier shared with it), $n+2 client (its own conversation, or one to all); none withdrawn.
 */
export const visibleMessages = (n: number) =>
  `((${sharedWithClient("messages", n)} and ("messages"."client_id" is null or "messages"."client_id" = $${n + 2})) and "messages"."withdrawn_at" is null)`;

/** messages/repository.ts `readBy`: $n the reader's account. */
export const messageReadBy = (n: number) =>
  `exists (select 1 from "message_reads" where "message_reads"."message_id" = "messages"."id"\n        and "message_reads"."account_id" = $${n})`;
