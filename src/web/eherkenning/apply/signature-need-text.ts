import type { TFunction } from "i18next";
import type { Level } from "#src/contracts/eherkenning/levels.ts";

/** How many must sign, in words: "Voor EH3 zijn 2 handtekeningen nodig van …". */
export function signatureNeedText(
  t: TFunction,
  level: Level | null,
  need: { kind: "sole" | "joint" | "all"; count: number; of: number } | null | undefined,
): string {
  if (!level) return "";
  if (!need) return t("ehApply.signaturesNeeded.unattainable", { level });
  return t(`ehApply.signaturesNeeded.${need.kind}`, {
    level,
    count: need.count,
    of: need.of,
  });
}
