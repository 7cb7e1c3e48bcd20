/**
 * A small valid one-page PDF with a title and lines of text, so the demo's documents open in
 * any viewer. Only for demo data: Helvetica's Latin-1 subset, no layout beyond lines.
 */
export function demoPdf(title: string, lines: readonly string[]): Buffer {
  const pdfString = (text: string) => text.replace(/[\\()]/g, (character) => `\\${character}`);
  const text = [
    "BT /F1 18 Tf 72 760 Td",
    `(${pdfString(title)}) Tj`,
    "/F1 11 Tf 0 -32 Td 15 TL",
    ...lines.map((line) => `(${pdfString(line)}) Tj T*`),
    "ET",
  ].join("\n");
  const content = Buffer.from(text, "latin1");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}
