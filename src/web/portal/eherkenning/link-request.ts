import {
  type RequestEherkenningLink,
  requestEherkenningLinkSchema,
} from "#src/contracts/eherkenning/portal-login.ts";

export type LinkTarget = RequestEherkenningLink["target"];

/** The link form as filled in: no account is chosen at first. */
export interface LinkRequestValues {
  target?: LinkTarget;
  email: string;
}

/** What is wrong with the form, per field. */
export interface LinkRequestProblems {
  target?: "missing";
  email?: "missing" | "invalid";
}

/**
 * The request the form makes, or what is wrong: no account chosen, or the extra account's
 * address missing or no address. The contract checks the address, as the server will.
 */
export function checkLinkRequest(
  values: LinkRequestValues,
): { body: RequestEherkenningLink } | { problems: LinkRequestProblems } {
  if (!values.target) return { problems: { target: "missing" } };
  if (values.target === "extra" && !values.email.trim()) return { problems: { email: "missing" } };
  const parsed = requestEherkenningLinkSchema.safeParse(
    values.target === "extra" ? { target: "extra", email: values.email } : { target: "main" },
  );
  return parsed.success ? { body: parsed.data } : { problems: { email: "invalid" } };
}
