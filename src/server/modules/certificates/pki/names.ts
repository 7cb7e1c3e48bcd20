import { x509 } from "./x509.ts";

/** The attributes of the names Poort puts in its certificates. */
export interface NameAttributes {
  commonName: string;
  organisation: string;
  /** X.520 serialNumber: for an office its debtor number. */
  serialNumber?: string;
}

// RFC 5280's upper bound for both commonName and organizationName.
const maxLength = 64;

/**
 * An X.500 name O, serialNumber, CN. Texts are UTF8String, so "&", "é" and "ë" come through
 * unchanged; serialNumber is a PrintableString, the only type X.520 allows for it.
 */
export function distinguishedName(attributes: NameAttributes): x509.Name {
  const { commonName, organisation, serialNumber } = attributes;
  return new x509.Name([
    { "2.5.4.10": [{ utf8String: boundedText("organisation", organisation) }] },
    ...(serialNumber === undefined
      ? []
      : [{ "2.5.4.5": [{ printableString: printable("serialNumber", serialNumber) }] }]),
    { "2.5.4.3": [{ utf8String: boundedText("commonName", commonName) }] },
  ]);
}

function boundedText(attribute: string, value: string): string {
  const text = value.normalize("NFC");
  // Counted in characters, as the bound is; an office name over it must be shortened upstream.
  const length = [...text].length;
  if (length === 0 || length > maxLength) {
    throw new RangeError(`${attribute} must be 1–${maxLength} characters, got ${length}`);
  }
  return text;
}

function printable(attribute: string, value: string): string {
  if (value === "" || !x509.Name.isPrintableString(value)) {
    throw new RangeError(`${attribute} must be a non-empty PrintableString, got "${value}"`);
  }
  return value;
}
