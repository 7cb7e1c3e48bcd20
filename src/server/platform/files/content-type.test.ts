import { Readable } from "node:stream";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { allowedDocumentTypes, detectAllowedType } from "./content-type.ts";

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const ODT = "application/vnd.oasis.opendocument.text";

/** A 1×1 PNG, as an image editor writes it. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
/** The start of a JPEG from a camera: start of image, then the JFIF header. */
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from("JFIF\0", "latin1"),
  Buffer.alloc(64),
]);
/** The start of an iPhone photo: an ISO media `ftyp` box with the `heic` brand. */
const HEIC = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"),
  Buffer.alloc(64),
]);
/** The header of an OLE compound file, as Word and Excel 97-2003 wrote them. */
const OLE_COMPOUND = Buffer.concat([
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  Buffer.alloc(504),
]);
const PDF_CONTENT =
  "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

/** A ZIP archive with the entries stored uncompressed, as small as a real one gets. */
function zipOf(entries: Record<string, string>): Buffer {
  const localParts: Buffer[] = [];
  const centralParts: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const fileName = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const checksum = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18); // compressed size
    local.writeUInt32LE(data.length, 22); // uncompressed size
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6); // version needed to extract
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    localParts.push(local, fileName, data);
    centralParts.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const centralDirectory = Buffer.concat(centralParts);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centralParts.length / 2, 8);
  end.writeUInt16LE(centralParts.length / 2, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...localParts, centralDirectory, end]);
}

/** An Office Open XML package whose main part has the given content type. */
function officeOpenXml(mainPart: string, mainContentType: string): Buffer {
  return zipOf({
    "[Content_Types].xml": [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
      '<Default Extension="xml" ContentType="application/xml"/>',
      `<Override PartName="/${mainPart}" ContentType="${mainContentType}"/>`,
      "</Types>",
    ].join(""),
    [mainPart]: "<document/>",
  });
}

describe("detectAllowedType", () => {
  /** The content as a stream, as an upload's transport hands it over. */
  const streamOf = (content: Buffer | string) => Readable.from([Buffer.from(content)]);

  it.each([
    ["a PDF", "akte.pdf", PDF_CONTENT, PDF],
    ["a PNG", "scan.png", PNG, "image/png"],
    ["a JPEG", "paspoort.jpg", JPEG, "image/jpeg"],
    ["a HEIC photo", "IMG_0001.HEIC", HEIC, "image/heic"],
    [
      "a little-endian TIFF",
      "scan.tif",
      Buffer.from("II*\0\x08\0\0\0\0\0", "latin1"),
      "image/tiff",
    ],
    [
      "a DOCX",
      "brief.docx",
      officeOpenXml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      ),
      DOCX,
    ],
    [
      "an XLSX",
      "boedel.xlsx",
      officeOpenXml(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      ),
      XLSX,
    ],
    ["an ODT", "brief.odt", zipOf({ mimetype: ODT, "content.xml": "<office:document/>" }), ODT],
  ])("accepts %s by its content", async (_, _name, content, mime) => {
    const type = await detectAllowedType(streamOf(content));
    expect(type?.mime).toBe(mime);
    expect(allowedDocumentTypes).toContain(type);
  });

  it("goes by content, not by name", async () => {
    const type = await detectAllowedType(streamOf(PNG), "scan.pdf");
    expect(type?.mime).toBe("image/png");
  });

  it.each([
    ["a ZIP that is no office document", "akte.docx", zipOf({ "akte.txt": "Akte van levering" })],
    [
      "a macro-enabled Word document",
      "brief.docx",
      officeOpenXml("word/document.xml", "application/vnd.ms-word.document.macroEnabled.main+xml"),
    ],
    [
      "a Windows program named .pdf",
      "akte.pdf",
      Buffer.concat([Buffer.from("MZ"), Buffer.alloc(510)]),
    ],
    ["a text file named .pdf", "akte.pdf", "Akte van levering\nHierbij verklaar ik...\n"],
    ["an empty file", "akte.pdf", ""],
  ])("refuses %s", async (_, name, content) => {
    expect(await detectAllowedType(streamOf(content), name)).toBeUndefined();
  });

  it.each([
    ["oud.doc", "application/msword"],
    ["OUD.XLS", "application/vnd.ms-excel"],
  ])("accepts an OLE compound file declared as %s", async (name, mime) => {
    const type = await detectAllowedType(streamOf(OLE_COMPOUND), name);
    expect(type?.mime).toBe(mime);
  });

  it.each([
    ["an installer", "setup.msi"],
    ["an Outlook message", "bericht.msg"],
    ["no declared name", undefined],
  ])("refuses an OLE compound file with %s", async (_, name) => {
    expect(await detectAllowedType(streamOf(OLE_COMPOUND), name)).toBeUndefined();
  });
});
