/** The reasons Poort revokes an office certificate for. */
export type RevocationReason =
  | "keyCompromise"
  | "superseded"
  | "cessationOfOperation"
  | "unspecified";

/** CRLReason codes (RFC 5280, 5.3.1), as CRL entries and OCSP responses carry them. */
export const revocationReasonCodes: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  superseded: 4,
  cessationOfOperation: 5,
};
