/** `%text%` for (I)LIKE, with the wildcard characters of the text itself taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}
