/**
 * The one access rule: every query of tenant data runs in a scope, the view of one actor.
 * Repositories take a scope, never a bare office or client id, so a query cannot forget its
 * tenant filter, and a caller cannot pass an id it read from a request. A scope is made only
 * where the actor was authenticated (the architecture lint holds to that): from a session in
 * `accounts/request-actors.ts`, from an office certificate in the self-service, and by the
 * operator's CLI and the demo data. Work that must cross tenants (the servicedesk, jobs) uses
 * functions named `unscoped…`, each with a comment that names who checked access.
 */

declare const verifiedAs: unique symbol;

/** An office's view: its own dossiers, clients, staff and certificates. */
export interface OfficeScope {
  readonly kind: "office";
  readonly officeId: string;
  readonly [verifiedAs]: "office";
}

/**
 * A client's view: the dossiers shared with the client, a person or a company (whose main and
 * extra accounts share one view), at the client's own office. A client login may act for
 * clients of several offices; each session acts for one of them (ADR 0011).
 */
export interface ClientScope {
  readonly kind: "client";
  readonly officeId: string;
  readonly clientId: string;
  readonly [verifiedAs]: "client";
}

/** For an office whose membership was verified: a staff session or an office certificate. */
export function officeScope(officeId: string): OfficeScope {
  return { kind: "office", officeId } as OfficeScope;
}

/** For a client whose login was verified: a client session, acting for its chosen membership. */
export function clientScope(officeId: string, clientId: string): ClientScope {
  return { kind: "client", officeId, clientId } as ClientScope;
}

export type TenantScope = OfficeScope | ClientScope;

declare const foundInScope: unique symbol;

/**
 * A row that a scoped query found, such as a dossier: proof that the actor may see it. Work on
 * what belongs to the row (its progress, its documents) takes the row itself, never a bare id,
 * so it cannot be done on a row nobody looked up in a scope.
 */
export type InScope<Row> = Row & { readonly [foundInScope]: true };
