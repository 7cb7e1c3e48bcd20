/**
 * The browser's share of a portal login with eHerkenning: tokens whose hashes the server keeps.
 * The login cookie must come along on the IdP's cross-site POST to the ACS, hence SameSite=None
 * (still Secure and HttpOnly, and worth nothing without the signed Response it belongs to).
 */
export const LOGIN_COOKIE = "__Host-poort_eh_login";
export const loginCookie = { path: "/", httpOnly: true, secure: true, sameSite: "none" } as const;

/** The first login of a person for a company, until they asked for the link. */
export const LINK_COOKIE = "__Host-poort_eh_link";
export const linkCookie = { path: "/", httpOnly: true, secure: true, sameSite: "lax" } as const;
