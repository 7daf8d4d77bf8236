import { deflateSync } from "node:zlib";

/**
 * Writes small PDFs by hand, for tests: pages with text in a standard Latin font or in a Chinese
 * font that is not embedded (STSong-Light through the UniGB-UCS2-H CMap, as many government PDFs
 * are), ruled lines, images, and the odd shapes of bad input (an /Encrypt dictionary, a huge image,
 * a broken embedded font). Offsets in the cross-reference table are computed, so pdf.js reads the
 * files without repairing them.
 */

/** Something drawn on a page; coordinates are PDF points from the bottom left. */
export type PdfMark =
  | { text: string; x: number; y: number; size?: number; font?: "latin" | "cjk" | "embedded" }
  | { line: [number, number, number, number]; width?: number }
  | { bar: [number, number, number, number] }
  | { image: { width: number; height: number } };

/** A page: its marks, on A4 unless given. */
export interface PdfPageSpec {
  marks: PdfMark[];
  size?: [number, number];
}

/** Options for the file as a whole. */
export interface PdfOptions {
  /** Adds a standard security handler whose user password is not empty. */
  encrypted?: boolean;
  /** Bytes of the embedded font program used by `font: "embedded"` text (garbage makes a font bomb). */
  embeddedFont?: Uint8Array;
}

const A4: [number, number] = [595, 842];

/** The UTF-16BE hex of a text, as the UniGB-UCS2-H CMap takes it. */
function ucs2Hex(text: string): string {
  return [...text].map((ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, "0")).join("");
}

function latinString(text: string): string {
  return `(${text.replace(/([\\()])/g, "\\$1")})`;
}

function content(marks: readonly PdfMark[], imageNames: string[]): string {
  const ops: string[] = [];
  for (const mark of marks) {
    if ("text" in mark) {
      const size = mark.size ?? 10;
      const font = mark.font ?? "latin";
      const shown = font === "cjk" ? `<${ucs2Hex(mark.text)}>` : latinString(mark.text);
      const name = font === "cjk" ? "F2" : font === "embedded" ? "F3" : "F1";
      ops.push(`BT /${name} ${size} Tf ${mark.x} ${mark.y} Td ${shown} Tj ET`);
    } else if ("line" in mark) {
      const [x1, y1, x2, y2] = mark.line;
      ops.push(`${mark.width ?? 0.5} w ${x1} ${y1} m ${x2} ${y2} l S`);
    } else if ("bar" in mark) {
      const [x, y, w, h] = mark.bar;
      ops.push(`${x} ${y} ${w} ${h} re f`);
    } else {
      const name = `Im${imageNames.length}`;
      imageNames.push(name);
      ops.push(`q 500 0 0 700 40 70 cm /${name} Do Q`);
    }
  }
  return ops.join("\n");
}

/** The bytes of a PDF with the given pages. */
export function writePdf(pages: readonly PdfPageSpec[], options: PdfOptions = {}): Uint8Array {
  const objects: (string | Uint8Array)[][] = [];
  const add = (...parts: (string | Uint8Array)[]): number => {
    objects.push(parts);
    return objects.length;
  };
  const stream = (dict: string, data: Uint8Array | string): (string | Uint8Array)[] => {
    const bytes = typeof data === "string" ? Buffer.from(data, "latin1") : data;
    return [`<< ${dict} /Length ${bytes.length} >>\nstream\n`, bytes, "\nendstream"];
  };
  const catalog = add("");
  const pagesRoot = add("");
  const latin = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  const descendant = add(
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor " +
      `${objects.length + 2} 0 R /DW 1000 >>`,
  );
  const cjk = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${descendant} 0 R] >>`,
  );
  add(
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  );
  const fontProgram = add(...stream("", options.embeddedFont ?? new Uint8Array(0)));
  const embeddedDescriptor = add(
    `<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 ${fontProgram} 0 R >>`,
  );
  const embedded = add(
    `<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /Widths [${Array(95).fill(500).join(" ")}] /Encoding /WinAnsiEncoding /FontDescriptor ${embeddedDescriptor} 0 R >>`,
  );
  const kids: number[] = [];
  for (const page of pages) {
    const images: string[] = [];
    const body = content(page.marks, images);
    const xobjects = images.map((name, i) => {
      const mark = page.marks.filter((m) => "image" in m)[i];
      const { width, height } = mark !== undefined && "image" in mark ? mark.image : { width: 1, height: 1 };
      const pixels = deflateSync(Buffer.alloc(Math.min(width * height, 1 << 20), 0x80));
      const id = add(
        ...stream(
          `/Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`,
          pixels,
        ),
      );
      return `/${name} ${id} 0 R`;
    });
    const contents = add(...stream("", body));
    const [w, h] = page.size ?? A4;
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesRoot} 0 R /MediaBox [0 0 ${w} ${h}] /Contents ${contents} 0 R /Resources << /Font << /F1 ${latin} 0 R /F2 ${cjk} 0 R /F3 ${embedded} 0 R >> /XObject << ${xobjects.join(" ")} >> >> >>`,
      ),
    );
  }
  objects[catalog - 1] = [`<< /Type /Catalog /Pages ${pagesRoot} 0 R >>`];
  objects[pagesRoot - 1] = [
    `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`,
  ];
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${"3c".repeat(32)}> /U <${"a5".repeat(32)}> /P -44 >>`)
    : 0;
  const chunks: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let offset = chunks[0]?.length ?? 0;
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(offset);
    const bytes = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      ...parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))),
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    chunks.push(bytes);
    offset += bytes.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n `),
  ].join("\n");
  const id = "<0123456789abcdef0123456789abcdef>";
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ""} >>\nstartxref\n${offset}\n%%EOF\n`;
  chunks.push(Buffer.from(`${xref}\n${trailer}`, "latin1"));
  return new Uint8Array(Buffer.concat(chunks));
}
