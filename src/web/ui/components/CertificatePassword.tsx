import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { CopyButton } from "./CopyButton.tsx";
import { Paragraph } from "./Paragraph.tsx";
import "./certificate-password.css";

/**
 * The groups the password is typed in, such as `k7m2-` `x9rt-` … `b8nd`: cut after each dash,
 * the dashes kept, so that the groups joined are exactly the password.
 */
export function passwordGroups(password: string): string[] {
  return password.split(/(?<=-)/);
}

/**
 * A certificate's password, shown once: large and monospace, exactly as it is typed, a line
 * breaking only between groups (never inside one), with a button that copies it.
 */
export function CertificatePassword({ id, password }: { id: string; password: string }) {
  const { t } = useTranslation();
  return (
    <div className="poort-certificate-password">
      <p id={id} className="poort-certificate-password__value" translate="no">
        {passwordGroups(password).map((group, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the groups are fixed; the place is the identity
          <Fragment key={index}>
            {/* Without it a line could not break before a group that starts with a digit. */}
            {index > 0 && <wbr />}
            <span className="poort-certificate-password__group">{group}</span>
          </Fragment>
        ))}
      </p>
      <CopyButton text={password} label={t("certificates.password.copy")} />
      <Paragraph appearance="small">{t("certificates.password.howToType")}</Paragraph>
    </div>
  );
}
