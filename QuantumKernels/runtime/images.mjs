// Images for backbones with torchvision's ImageNet recipe: Resize(256) (shorter side,
// bilinear), CenterCrop(224), ToTensor (/255, CHW, RGB), Normalize(mean, std). sharp
// (libvips) decodes; the resize is Pillow's, reproduced below, so features match a
// PyTorch pipeline. Decoding and the backbone run in the same request, so the 224x224
// tensors never cross the pipe: only features (and optional thumbnails) do.
import path from "node:path";
import sharp from "sharp";
import { qdkError } from "./qsharp.mjs";
import { runTensor, encodeFloats } from "./onnx.mjs";

const RESIZE = 256, CROP = 224;
const MEAN = [0.485, 0.456, 0.406], STD = [0.229, 0.224, 0.225];
const DEFAULT_CHUNK = 32;
// Full-resolution decodes alive at once: bounds memory for large photos.
const DECODE_PARALLEL = 4;

/** Python's round(): half to even, as torchvision's CenterCrop uses it for the crop offset. */
function roundHalfEven(x) {
  const f = Math.floor(x), d = x - f;
  if (d !== 0.5) return Math.round(x);
  return f % 2 === 0 ? f : f + 1;
}

// ---- Pillow's resampler (Resample.c): antialiased bilinear (triangle filter whose support
// grows with the shrink factor), horizontal pass then vertical, each rounded to 8 bits with
// 22-bit fixed-point weights. libvips' own resize differs from it when enlarging, and
// torchvision's Resize on PIL images is exactly this, so it is reproduced here.
const PRECISION = 22, ONE = 2 ** PRECISION, HALF = 2 ** (PRECISION - 1);

/** Weights of output samples [first, first+count) of a resize inSize -> outSize: bounds and fixed-point taps. */
function coefficients(inSize, outSize, first, count) {
  const scale = inSize / outSize, filterScale = Math.max(scale, 1), support = filterScale;
  const taps = [];
  for (let o = first; o < first + count; o++) {
    const centre = (o + 0.5) * scale;
    const min = Math.max(Math.trunc(centre - support + 0.5), 0);
    const max = Math.min(Math.trunc(centre + support + 0.5), inSize);
    const w = [];
    let sum = 0;
    for (let x = min; x < max; x++) {
      const t = Math.abs((x - centre + 0.5) / filterScale);
      const v = t < 1 ? 1 - t : 0;
      w.push(v);
      sum += v;
    }
    taps.push({ min, w: w.map((v) => Math.trunc((sum !== 0 ? v / sum : v) * ONE + 0.5)) });
  }
  return taps;
}

const clip8 = (ss) => (ss <= 0 ? 0 : ss >= ONE * 256 ? 255 : Math.floor(ss / ONE));

/** The [left, left+CROP) x [top, top+CROP) window of the RGB image resized to rw x rh, as HWC bytes. */
function resizeCrop(rgb, w, h, rw, rh, left, top) {
  const cols = coefficients(w, rw, left, CROP), rows = coefficients(h, rh, top, CROP);
  const y0 = rows[0].min, y1 = Math.max(...rows.map((r) => r.min + r.w.length));
  const tmp = new Uint8Array((y1 - y0) * CROP * 3);
  const hk = cols.map((c) => Int32Array.from(c.w)), hmin = cols.map((c) => c.min);
  for (let y = y0; y < y1; y++) {
    const row = y * w * 3;
    let q = (y - y0) * CROP * 3;
    for (let o = 0; o < CROP; o++, q += 3) {
      const k = hk[o], n = k.length;
      let r = HALF, g = HALF, b = HALF;
      for (let i = 0, p = row + hmin[o] * 3; i < n; i++, p += 3) {
        r += rgb[p] * k[i];
        g += rgb[p + 1] * k[i];
        b += rgb[p + 2] * k[i];
      }
      tmp[q] = clip8(r);
      tmp[q + 1] = clip8(g);
      tmp[q + 2] = clip8(b);
    }
  }
  const out = Buffer.alloc(CROP * CROP * 3), stride = CROP * 3;
  for (let o = 0; o < CROP; o++) {
    const k = Int32Array.from(rows[o].w), n = k.length, base = (rows[o].min - y0) * stride;
    for (let x = 0; x < stride; x++) {
      let ss = HALF;
      for (let i = 0, p = base + x; i < n; i++, p += stride) ss += tmp[p] * k[i];
      out[o * stride + x] = clip8(ss);
    }
  }
  return out;
}

/** Decodes one file to the 224x224 RGB centre crop (HWC bytes); errors name the file. */
async function centreCrop(file) {
  let decoded;
  try {
    // No EXIF auto-rotation and alpha dropped, as PIL's Image.open(...).convert("RGB") does.
    decoded = await sharp(file, { failOn: "error" }).toColourspace("srgb").removeAlpha().raw().toBuffer({ resolveWithObject: true });
  } catch (e) {
    throw qdkError("image", `cannot read image ${file}: ${String(e?.message ?? e).trim()}`);
  }
  const { data, info } = decoded;
  const { width: w, height: h, channels } = info;
  if (channels !== 3 || data.length !== w * h * 3)
    throw qdkError("image", `cannot read image ${file}: decoded to ${channels} channels of ${data.length / (w * h)} bytes, expected 8-bit RGB`);
  // torchvision Resize(int): the shorter side becomes 256, the longer int(256 * long / short).
  const [rw, rh] = w <= h ? [RESIZE, Math.trunc((RESIZE * h) / w)] : [Math.trunc((RESIZE * w) / h), RESIZE];
  return resizeCrop(data, w, h, rw, rh, roundHalfEven((rw - CROP) / 2), roundHalfEven((rh - CROP) / 2));
}

/** Writes one HWC RGB crop as normalised CHW floats at `offset` of `out`. */
function normalise(rgb, out, offset) {
  const plane = CROP * CROP;
  for (let c = 0; c < 3; c++) {
    const m = MEAN[c], s = STD[c], base = offset + c * plane;
    for (let i = 0; i < plane; i++) out[base + i] = (rgb[i * 3 + c] / 255 - m) / s;
  }
}

const thumbnail = (rgb, size) =>
  sharp(rgb, { raw: { width: CROP, height: CROP, channels: 3 } }).resize(size, size, { kernel: "linear" }).raw().toBuffer();

/**
 * op images.features {paths, model, output?, input?, chunk?, thumbnails?, thumbnailSize?}
 *   -> {name, dims: [N, ...], data: base64 float32, preprocessing, thumbnails: [base64 RGB bytes], thumbnailSize}
 * Thumbnails (of the centre crop the model sees) are made for the first `thumbnails` paths.
 */
export async function features(r) {
  const paths = r.paths;
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === "string"))
    throw qdkError("request", "images.features needs a non-empty list of image paths");
  const chunk = Number.isInteger(r.chunk) && r.chunk > 0 ? r.chunk : DEFAULT_CHUNK;
  const wantThumbs = Math.min(Number.isInteger(r.thumbnails) ? r.thumbnails : 0, paths.length);
  const thumbSize = Number.isInteger(r.thumbnailSize) && r.thumbnailSize > 0 ? r.thumbnailSize : 64;
  const thumbs = [];
  let name, rowDims, all;
  for (let start = 0; start < paths.length; start += chunk) {
    const files = paths.slice(start, start + chunk).map((p) => path.resolve(p));
    const crops = [];
    for (let i = 0; i < files.length; i += DECODE_PARALLEL)
      crops.push(...(await Promise.all(files.slice(i, i + DECODE_PARALLEL).map(centreCrop))));
    const tensor = new Float32Array(files.length * 3 * CROP * CROP);
    crops.forEach((rgb, i) => normalise(rgb, tensor, i * 3 * CROP * CROP));
    for (let i = 0; i < crops.length && start + i < wantThumbs; i++)
      thumbs.push((await thumbnail(crops[i], thumbSize)).toString("base64"));
    const out = await runTensor(r.model, tensor, [files.length, 3, CROP, CROP], r.output ?? undefined, r.input ?? undefined);
    if (out.dims[0] !== files.length)
      throw qdkError("request", `output '${out.name}' has shape [${out.dims.join(", ")}]; its first dimension must be the batch (${files.length})`);
    if (!all) {
      name = out.name;
      rowDims = out.dims.slice(1);
      all = new Float32Array(paths.length * (out.data.length / files.length));
    }
    all.set(out.data, start * (all.length / paths.length));
  }
  return {
    name,
    dims: [paths.length, ...rowDims],
    data: encodeFloats(all),
    preprocessing: `torchvision Resize(${RESIZE}) bilinear (Pillow), CenterCrop(${CROP}), RGB/255, ImageNet mean/std`,
    thumbnails: thumbs,
    thumbnailSize: thumbSize,
  };
}
