import { z } from "zod";

/**
 * The eHerkenning levels issued today, lowest first. EH1 and EH2 exist in old material but are
 * no longer issued, so Poort neither issues nor accepts them.
 */
export const levelSchema = z.enum(["EH2+", "EH3", "EH4"]);
export type Level = z.infer<typeof levelSchema>;

/** Who must be identified face to face before a means at the level is issued. */
export type FaceToFace =
  /** Nobody: the identity is checked at a distance. */
  | "none"
  /** The user, by a partner of the supplier (e.g. a notary or a registration desk). */
  | "userByPartner"
  /** The representatives who sign and the user, each in person. */
  | "representativesAndUserInPerson";

export interface LevelFacts {
  /** The SAML `AuthnContextClassRef` (and OIDC LoA claim) of the level. */
  urn: string;
  eidas: "low" | "substantial" | "high";
  /** The second factor the means needs before it is activated. */
  secondFactor: "sms" | "totp";
  faceToFace: FaceToFace;
  /** Days an invitation to identify oneself stays valid. */
  invitationValidDays: number;
}

const INVITATION_VALID_DAYS = 30;

export const levelFacts: Record<Level, LevelFacts> = {
  "EH2+": {
    urn: "urn:etoegang:core:assurance-class:loa2plus",
    eidas: "low",
    secondFactor: "sms",
    faceToFace: "none",
    invitationValidDays: INVITATION_VALID_DAYS,
  },
  EH3: {
    urn: "urn:etoegang:core:assurance-class:loa3",
    eidas: "substantial",
    secondFactor: "totp",
    faceToFace: "userByPartner",
    invitationValidDays: INVITATION_VALID_DAYS,
  },
  EH4: {
    urn: "urn:etoegang:core:assurance-class:loa4",
    eidas: "high",
    secondFactor: "totp",
    faceToFace: "representativesAndUserInPerson",
    invitationValidDays: INVITATION_VALID_DAYS,
  },
};

const levelsLowestFirst = levelSchema.options;

/** The level of an `AuthnContextClassRef`; undefined for any other, loa1 and loa2 included. */
export function levelOfUrn(urn: string): Level | undefined {
  return levelsLowestFirst.find((level) => levelFacts[level].urn === urn);
}

/** Negative when `a` is lower than `b`, zero when equal, positive when higher: for `sort`. */
export function compareLevels(a: Level, b: Level): number {
  return levelsLowestFirst.indexOf(a) - levelsLowestFirst.indexOf(b);
}

/** A means (or authorization) at one level serves every service demanding that level or lower. */
export function serves(meansLevel: Level, demandedLevel: Level): boolean {
  return compareLevels(meansLevel, demandedLevel) >= 0;
}

/** The highest of the levels; undefined when there are none. */
export function highestLevel(levels: readonly Level[]): Level | undefined {
  return levels.reduce<Level | undefined>(
    (highest, level) =>
      highest === undefined || compareLevels(level, highest) > 0 ? level : highest,
    undefined,
  );
}
