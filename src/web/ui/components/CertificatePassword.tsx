import { Fragment } from "react";
import "./certificate-password.css";

/** The password in groups of four characters: easy to read aloud and to type over. */
export function passwordGroups(password: string, size = 4): string[] {
  const groups: string[] = [];
  for (let start = 0; start < password.length; start += size) {
    groups.push(password.slice(start, start + size));
  }
  return groups;
}

/**
 * A certificate's password: large, monospace, grouped by spacing only (no characters are
 * added, so copying it gives exactly the password).
 */
export function CertificatePassword({ id, password }: { id?: string; password: string }) {
  return (
    <p id={id} className="poort-certificate-password" translate="no">
      {passwordGroups(password).map((group, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the groups are fixed; the place is the identity
        <Fragment key={index}>
          {/* A line may break between groups, and copying adds nothing. */}
          {index > 0 && <wbr />}
          <span className="poort-certificate-password__group">{group}</span>
        </Fragment>
      ))}
    </p>
  );
}
