import ExcelJS from "exceljs";

/** Characters of the random cell texts: 64 of them, so the text compresses to about three quarters. */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789绩效";

/** A seeded pseudo-random generator (linear congruential): the same workbook every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 16;
  };
}

/** The shape of a generated workbook. */
export interface WorkbookShape {
  /** Rows of four cells: two distinct random texts (a shared string each), a number and a word. */
  rows: number;
  /** Characters of each random text. */
  textLength: number;
  /** Bytes of a random picture stored in the workbook (0: none), to bring the file to a size. */
  pictureBytes?: number;
}

/** Writes a workbook of `shape` to `file` with exceljs's streaming writer. */
export async function writeWorkbook(file: string, shape: WorkbookShape): Promise<void> {
  const next = generator(16);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  if ((shape.pictureBytes ?? 0) > 0) {
    const picture = Buffer.alloc(shape.pictureBytes ?? 0);
    for (let i = 0; i < picture.length; i += 1) picture[i] = next() & 0xff;
    workbook.addImage({ buffer: picture as unknown as ExcelJS.Buffer, extension: "png" });
  }
  const sheet = workbook.addWorksheet("自评表");
  for (let r = 0; r < shape.rows; r += 1) {
    const text = () => {
      let out = "";
      for (let i = 0; i < shape.textLength; i += 1) out += ALPHABET[next() % ALPHABET.length];
      return out;
    };
    sheet.addRow([text(), text(), r, "完成"]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
