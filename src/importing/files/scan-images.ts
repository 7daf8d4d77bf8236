import { MAX_IMAGE_PIXELS, OCR_RENDER_DPI } from "./file-limits.ts";
import { imageHeader } from "./image-header.ts";
import type { PageImage } from "./ocr-pages.ts";
import { openPdf } from "./pdf-open.ts";

/**
 * The pixels OCR reads: the pages of a scanned PDF rendered one at a time (pdf.js drawing on
 * @napi-rs/canvas at `OCR_RENDER_DPI`, fewer dots for an oversized page so no page passes the pixel
 * limit; images inside the PDF over the limit are not decoded), or a .png/.jpg picture decoded
 * after its header's declared size has been checked.
 */

/** Width of an A4 page in points: a picture is taken as one A4-wide page. */
const A4_WIDTH_POINTS = 595;
/** Most pixels a rendered PDF page has (an A4 page at 300 dpi). */
const MAX_RENDER_PIXELS = 2480 * 3508;

/** @napi-rs/canvas, loaded when a scan is read (most files are not scans). */
const canvasModule = () => import("@napi-rs/canvas");

/** A count as written in messages: "10,000,000,000". */
const formatCount = (n: number): string => n.toLocaleString("en-US");

/** A scanned PDF's pages as pictures, rendered on demand; `close` ends the parser thread. */
export interface PdfScan {
  pages: number;
  pageImage(page: number): Promise<PageImage>;
  close(): Promise<void>;
}

/** Opens a PDF to render its pages for OCR, or says why it cannot be opened (Chinese). */
export async function openPdfScan(
  bytes: Uint8Array,
  heapLimitMb: number,
): Promise<PdfScan | { reason: string }> {
  const { createCanvas } = await canvasModule();
  const open = await openPdf(bytes, { heapLimitMb, maxImageSize: MAX_IMAGE_PIXELS });
  let stopped = "";
  open.thread.on("error", (error: Error & { code?: string }) => {
    stopped = error.code === "ERR_WORKER_OUT_OF_MEMORY" ? `内存超过上限 ${heapLimitMb} MB` : "解析出错";
  });
  try {
    const doc = await open.task.promise;
    const pageImage = async (n: number): Promise<PageImage> => {
      if (stopped !== "") return { ok: false, reason: `PDF 解析已停止（${stopped}），未能转为图像` };
      try {
        const page = await doc.getPage(n);
        const base = page.getViewport({ scale: 1 });
        const dpiScale = OCR_RENDER_DPI / 72;
        const scale = Math.min(dpiScale, Math.sqrt(MAX_RENDER_PIXELS / (base.width * base.height)));
        const viewport = page.getViewport({ scale });
        const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
        const context = canvas.getContext("2d");
        context.fillStyle = "#ffffff";
        context.fillRect(0, 0, canvas.width, canvas.height);
        // pdf.js draws on a DOM canvas; @napi-rs/canvas implements the 2D context it uses.
        await page.render({ canvasContext: context as never, canvas: canvas as never, viewport }).promise;
        const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
        page.cleanup();
        return {
          ok: true,
          image: { width: canvas.width, height: canvas.height, rgba },
          widthPoints: base.width,
        };
      } catch (error) {
        const detail = error instanceof Error ? error.message.slice(0, 80) : String(error);
        return { ok: false, reason: `这一页无法转为图像（${detail}）` };
      }
    };
    return { pages: doc.numPages, pageImage, close: open.close };
  } catch (error) {
    await open.close();
    const detail = error instanceof Error ? error.message.slice(0, 80) : String(error);
    return { reason: `PDF 无法打开（${detail}）` };
  }
}

/**
 * A .png/.jpg picture as one page: refused on its declared size before decoding when it passes
 * `MAX_IMAGE_PIXELS` (an image bomb), or when it is not a PNG or JPEG at all.
 */
export async function pictureImage(bytes: Uint8Array, maxPixels = MAX_IMAGE_PIXELS): Promise<PageImage> {
  const header = imageHeader(bytes);
  if (header === null) return { ok: false, reason: "不是有效的 PNG 或 JPEG 图片（文件头不对或已损坏）" };
  const pixels = header.width * header.height;
  if (header.width === 0 || header.height === 0) return { ok: false, reason: "图片声明的尺寸为 0，已损坏" };
  if (pixels > maxPixels) {
    return {
      ok: false,
      reason: `图片声明的尺寸为 ${header.width}×${header.height}（${formatCount(pixels)} 像素），超过上限 ${formatCount(maxPixels)} 像素，为安全起见未解码`,
    };
  }
  try {
    const { createCanvas, loadImage } = await canvasModule();
    const picture = await loadImage(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const canvas = createCanvas(picture.width, picture.height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(picture, 0, 0);
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return {
      ok: true,
      image: { width: canvas.width, height: canvas.height, rgba },
      widthPoints: A4_WIDTH_POINTS,
    };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 80) : String(error);
    return { ok: false, reason: `图片无法解码（${detail}）` };
  }
}
