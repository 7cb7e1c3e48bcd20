/**
 * CSV for spreadsheets used with Dutch settings: semicolons between fields (Excel in Dutch reads
 * a comma as the decimal sign and would put a comma-separated line in one column), CRLF line
 * ends, and the file starts with a byte-order mark so that Excel reads it as UTF-8.
 */
export const CSV_BOM = "\uFEFF";

/**
 * A CSV field: quoted when it must be, and never read as a formula by a spreadsheet (a value
 * starting with =, +, - or @ gets a leading apostrophe, OWASP's advice for CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line of the file, with its line end. */
export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(";")}\r\n`;
}
