import { crc32, deflateRawSync } from "node:zlib";

/** One file of a hand-made zip archive. */
export interface ZipInput {
  name: string;
  data: Uint8Array | string;
  /** Deflate the data (default) or store it as is. */
  method?: "deflate" | "stored";
  /** The uncompressed size written in the headers; defaults to the true size (a zip bomb lies here). */
  declaredSize?: number;
  /** Compressed bytes to write instead of compressing `data` (e.g. a pre-deflated bomb). */
  compressed?: Uint8Array;
}

/** Builds a zip archive (local headers, central directory, end record) from the given files. */
export function writeZip(files: readonly ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const data = typeof file.data === "string" ? Buffer.from(file.data, "utf8") : Buffer.from(file.data);
    const stored = file.method === "stored";
    const body =
      file.compressed !== undefined ? Buffer.from(file.compressed) : stored ? data : deflateRawSync(data);
    const name = Buffer.from(file.name, "utf8");
    const size = file.declaredSize ?? data.length;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** A minimal .docx: content types and a document.xml with the given body XML. */
export function docxWithBody(body: string, before = ""): Uint8Array {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  return writeZip([
    { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}>${before}<w:body>${body}</w:body></w:document>`,
    },
  ]);
}
