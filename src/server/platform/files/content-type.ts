import path from "node:path";
import { PassThrough, type Readable } from "node:stream";
import { fileTypeFromStream } from "file-type";

export interface AllowedType {
  mime: string;
  extensions: readonly string[];
}

// Word and Excel 97-2003 are OLE compound files: their content says only that, so the declared
// name has to tell which of the two it is.
const LEGACY_WORD: AllowedType = { mime: "application/msword", extensions: ["doc"] };
const LEGACY_EXCEL: AllowedType = { mime: "application/vnd.ms-excel", extensions: ["xls"] };
const OLE_COMPOUND_TYPES = [LEGACY_WORD, LEGACY_EXCEL];

/**
 * The types clients and staff may upload, and why: what a notary's file holds is scans and
 * photos of ID and signed papers, deeds and letters, and spreadsheets (estates, financing).
 * Plain text is left out: its content cannot be told from anything else.
 */
export const allowedDocumentTypes: readonly AllowedType[] = [
  // Deeds, letters, statements: the most common document of all.
  { mime: "application/pdf", extensions: ["pdf"] },
  // Photos of ID and signed papers, from phones and cameras.
  { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
  // Screenshots and scans.
  { mime: "image/png", extensions: ["png"] },
  // What iPhones take photos in by default.
  { mime: "image/heic", extensions: ["heic"] },
  { mime: "image/heif", extensions: ["heif", "heic"] },
  // What office scanners and fax software write.
  { mime: "image/tiff", extensions: ["tif", "tiff"] },
  // Letters and draft deeds from Word and LibreOffice; macro-enabled variants stay out.
  {
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
  },
  { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"] },
  // Spreadsheets: estate inventories, financing overviews.
  {
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
  { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"] },
  // The same from older offices and archives.
  ...OLE_COMPOUND_TYPES,
];

/** file-type's name for any OLE compound file (also .msi, .msg, .ppt, ...). */
const OLE_COMPOUND_FILE = "application/x-cfb";

/**
 * Returns the allowed type the content (a stream of the file from its start, which this reads
 * as far as it must and then destroys) is, or undefined when it is not one (or unknown). Only
 * the content counts, except for an OLE compound file, which passes only as what its declared
 * name says it is, and only when that is .doc or .xls.
 */
export async function detectAllowedType(
  content: Readable,
  declaredName?: string,
): Promise<AllowedType | undefined> {
  // file-type reads only as far as it needs; the rest of the stream is never read. It reads
  // bytes: a stream of Buffer objects (Readable.from) finds nothing unless it is made one.
  const bytes = content.readableObjectMode ? content.pipe(new PassThrough()) : content;
  const detected = await fileTypeFromStream(bytes).finally(() => {
    content.destroy();
    bytes.destroy();
  });
  if (!detected) return undefined;
  if (detected.mime === OLE_COMPOUND_FILE) return oleCompoundTypeNamed(declaredName);
  return allowedDocumentTypes.find((type) => type.mime === detected.mime);
}

function oleCompoundTypeNamed(declaredName: string | undefined): AllowedType | undefined {
  if (!declaredName) return undefined;
  const extension = path.extname(declaredName).slice(1).toLowerCase();
  return OLE_COMPOUND_TYPES.find((type) => type.extensions.includes(extension));
}
