import { z } from "zod";
import type { Level } from "./levels.ts";

/**
 * Who must sign a company's eHerkenning application, from the authority the KvK register gives
 * each functionary. The rules are data as well as a check, so the application can show the
 * applicant who still has to sign before anyone signs.
 */

/**
 * The KvK's authority codes: `azb` alleen/zelfstandig bevoegd (may act alone), `gb` gezamenlijk
 * bevoegd (only together with others), `nb` niet bevoegd; a gevolmachtigde (proxy) is `v`
 * volledig (full) or `b` beperkt (limited).
 */
export const authoritySchema = z.enum(["azb", "gb", "nb", "v", "b"]);
export type Authority = z.infer<typeof authoritySchema>;

export interface RepresentativeSignature {
  authority: Authority;
  signed: boolean;
}

/** `nb` never signs for the company; every other authority can, alone or together. */
export function canSign(authority: Authority): boolean {
  return authority !== "nb";
}

/**
 * One way to satisfy a level: `count` signatures among the `of` representatives whose
 * authority belongs to the kind: `sole` (any one who may act alone), `joint` (jointly
 * authorized ones together), `all` (everyone with authority).
 */
export interface SignatureNeed {
  kind: "sole" | "joint" | "all";
  count: number;
  of: number;
}

/**
 * What is still missing, for the apps to translate: `nothing` once satisfied, else the level's
 * rule, or `unattainable` when even all the company's representatives together cannot satisfy it.
 */
export type SignatureShortfall =
  | "nothing"
  | "soleOrTwoJoint"
  | "soleOrMajorityOfJoint"
  | "allWithAuthority"
  | "unattainable";

export interface SignatureCheck {
  satisfied: boolean;
  needed: SignatureShortfall;
}

interface Way extends SignatureNeed {
  authorities: readonly Authority[];
}

interface LevelRule {
  shortfall: SignatureShortfall;
  ways(countOf: (authorities: readonly Authority[]) => number): Way[];
}

const SOLE_EH2PLUS: readonly Authority[] = ["azb", "v"];
const JOINT_EH2PLUS: readonly Authority[] = ["gb", "b"];
const SOLE: readonly Authority[] = ["azb"];
const JOINT: readonly Authority[] = ["gb"];
const WITH_AUTHORITY = authoritySchema.options.filter(canSign);

const rules: Record<Level, LevelRule> = {
  // One who may act alone (a full proxy too), or any two of the jointly authorized and limited
  // proxies.
  "EH2+": {
    shortfall: "soleOrTwoJoint",
    ways: (countOf) => [
      { kind: "sole", count: 1, of: countOf(SOLE_EH2PLUS), authorities: SOLE_EH2PLUS },
      { kind: "joint", count: 2, of: countOf(JOINT_EH2PLUS), authorities: JOINT_EH2PLUS },
    ],
  },
  // One sole-authorized director (a full proxy no longer suffices), or more than half of the
  // company's jointly authorized ones.
  EH3: {
    shortfall: "soleOrMajorityOfJoint",
    ways: (countOf) => [
      { kind: "sole", count: 1, of: countOf(SOLE), authorities: SOLE },
      {
        kind: "joint",
        count: Math.floor(countOf(JOINT) / 2) + 1,
        of: countOf(JOINT),
        authorities: JOINT,
      },
    ],
  },
  // Everyone who has any authority at all.
  EH4: {
    shortfall: "allWithAuthority",
    ways: (countOf) => [
      {
        kind: "all",
        count: countOf(WITH_AUTHORITY),
        of: countOf(WITH_AUTHORITY),
        authorities: WITH_AUTHORITY,
      },
    ],
  },
};

/** The ways the company's representatives can satisfy the level; none when they cannot. */
function waysOf(level: Level, representatives: readonly { authority: Authority }[]): Way[] {
  const countOf = (authorities: readonly Authority[]) =>
    representatives.filter((representative) => authorities.includes(representative.authority))
      .length;
  return rules[level].ways(countOf).filter((way) => way.count >= 1 && way.of >= way.count);
}

/** Whether the representatives who signed satisfy the level, and if not, what is missing. */
export function signaturesSatisfied(
  level: Level,
  representatives: readonly RepresentativeSignature[],
): SignatureCheck {
  const ways = waysOf(level, representatives);
  if (ways.length === 0) return { satisfied: false, needed: "unattainable" };
  const signed = representatives.filter((representative) => representative.signed);
  const satisfied = ways.some(
    (way) =>
      signed.filter((representative) => way.authorities.includes(representative.authority))
        .length >= way.count,
  );
  return { satisfied, needed: satisfied ? "nothing" : rules[level].shortfall };
}

/**
 * The fewest signatures that satisfy the level among all the company's representatives (signed
 * or not), to show the applicant ("1 of 1 sole", "2 of 3 jointly"); undefined when no
 * combination of them does.
 */
export function signaturesNeeded(
  level: Level,
  allRepresentatives: readonly { authority: Authority }[],
): SignatureNeed | undefined {
  const fewest = waysOf(level, allRepresentatives).reduce<Way | undefined>(
    (best, way) => (best === undefined || way.count < best.count ? way : best),
    undefined,
  );
  return fewest && { kind: fewest.kind, count: fewest.count, of: fewest.of };
}
