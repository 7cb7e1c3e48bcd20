/**
 * SQL that Poort's repositories send, as Drizzle writes it, for the bare servers of more than
 * one benchmark (copied from `.text` of the queries Poort sends; each run checks that the bare
 * server still sends what Poort does, and prints Poort's text when not).
 */

/** `in ($n, $n+1, …)` for `count` values, numbered from `first`, as Drizzle writes `inArray`. */
export const placeholders = (first: number, count: number) =>
  Array.from({ length: count }, (_, index) => `$${first + index}`).join(", ");

/**
 * accounts/repository.ts `findLiveSessionContext`, the session with its account and membership:
 * $1 the token's hash, $2 now.
 */
export const SESSION_CONTEXT =
  'select "sessions"."id", "sessions"."token_hash", "sessions"."account_id", "sessions"."stage", "sessions"."sign_on", "sessions"."client_membership_id", "sessions"."csrf_token", "sessions"."ip", "sessions"."user_agent", "sessions"."last_seen_at", "sessions"."expires_at", "sessions"."ended_at", "sessions"."created_at", "accounts"."id", "accounts"."kind", "accounts"."office_id", "accounts"."role", "accounts"."email", "accounts"."name", "accounts"."mobile", "accounts"."locale", "accounts"."status", "accounts"."password_hash", "accounts"."password_changed_at", "accounts"."two_factor_method", "accounts"."two_factor_phone", "accounts"."required_second_factor", "accounts"."totp_secret", "accounts"."totp_last_step", "accounts"."notify_documents", "accounts"."notify_questionnaires", "accounts"."notify_messages", "accounts"."profile_seen_at", "accounts"."failed_logins", "accounts"."locked_until", "accounts"."created_at", "client_memberships"."id", "client_memberships"."account_id", "client_memberships"."office_id", "client_memberships"."client_id", "client_memberships"."is_main_account", "client_memberships"."name", "client_memberships"."invited_at", "client_memberships"."joined_at", "client_memberships"."revoked_at", "client_memberships"."created_at", "offices"."name", "clients"."name", "clients"."kind" from "sessions" inner join "accounts" on "accounts"."id" = "sessions"."account_id" left join "client_memberships" on ("client_memberships"."id" = "sessions"."client_membership_id" and "client_memberships"."account_id" = "sessions"."account_id") left join "offices" on "offices"."id" = "client_memberships"."office_id" left join "clients" on "clients"."id" = "client_memberships"."client_id" where ("sessions"."token_hash" = $1 and "sessions"."ended_at" is null and "sessions"."expires_at" > $2)';

/** accounts/repository.ts `updateSession`: the plugin's touch, at most once a minute. */
export const SESSION_TOUCH = 'update "sessions" set "last_seen_at" = $1 where "sessions"."id" = $2';

const DOSSIER_COLUMNS =
  '"dossiers"."id", "dossiers"."office_id", "offices"."name", "dossiers"."number", "dossiers"."description", "dossiers"."status", "dossiers"."custom_status_id", "dossier_statuses"."label", "dossiers"."handler_id", "accounts"."name", "dossiers"."created_at", "dossiers"."updated_at"';
const DOSSIER_JOINS =
  'from "dossiers" inner join "offices" on "offices"."id" = "dossiers"."office_id" left join "dossier_statuses" on "dossier_statuses"."id" = "dossiers"."custom_status_id" left join "accounts" on "accounts"."id" = "dossiers"."handler_id"';

/** dossiers/repository.ts `selectDossiers`: the columns and joins of every dossier answer. */
export const SELECT_DOSSIERS = `select ${DOSSIER_COLUMNS} ${DOSSIER_JOINS}`;

/** `selectDossiers` with the number of all matches beside each row, from the staff search's page. */
export const SELECT_DOSSIERS_WITH_TOTAL = `select ${DOSSIER_COLUMNS}, "total" ${DOSSIER_JOINS}`;

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
