// Loads ONNX models with onnxruntime-node (the runtime the project uses), runs a zero
// input through each and prints the output dims; when a torch reference file
// <name>.ref.json exists in the reference directory (written by the training scripts),
// also runs its input and reports the max |onnx - torch| difference (fails above 1e-4).
//
//   node tools/check_onnx.mjs [--refs /tmp/qtl-onnx-check] [model.onnx ...]
//
// Default models: every assets/models/*.onnx. onnxruntime-node is taken from
// QuantumKernels/runtime/node_modules (or ORT_NODE=<path to onnxruntime-node>).
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
const ort = require(process.env.ORT_NODE ?? path.join(repo, "QuantumKernels/runtime/node_modules/onnxruntime-node"));

const args = process.argv.slice(2);
let refDir = "/tmp/qtl-onnx-check";
const models = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--refs") refDir = args[++i];
  else models.push(args[i]);
}
if (models.length === 0) {
  const dir = path.join(repo, "assets/models");
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(".onnx")) models.push(path.join(dir, f));
}

let failed = false;
for (const file of models) {
  const name = path.basename(file, ".onnx");
  const session = await ort.InferenceSession.create(file);
  const [inName] = session.inputNames;
  const [outName] = session.outputNames;
  // Shape from the metadata JSON when present, else guess from the file name.
  const metaPath = file.replace(/\.onnx$/, ".json");
  let shape = name.includes("resnet") ? [2, 3, 224, 224] : [2, 1, 28, 28];
  if (fs.existsSync(metaPath)) {
    const meta = JSON.parse(fs.readFileSync(metaPath, "utf8"));
    if (meta.input?.shape) shape = meta.input.shape.map((d) => (typeof d === "number" ? d : 2));
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const t0 = performance.now();
  const out = await session.run({ [inName]: new ort.Tensor("float32", new Float32Array(size), shape) });
  const ms = (performance.now() - t0).toFixed(1);
  const y = out[outName];
  let line = `${name}: ${fs.statSync(file).size} bytes, inputs [${session.inputNames}] outputs [${session.outputNames}], ` +
    `zero input [${shape}] -> ${outName} [${y.dims}] (${ms} ms)`;
  if (!y.data.every(Number.isFinite)) { line += " NON-FINITE OUTPUT"; failed = true; }
  const refPath = path.join(refDir, name + ".ref.json");
  if (fs.existsSync(refPath)) {
    const ref = JSON.parse(fs.readFileSync(refPath, "utf8"));
    const r = await session.run({ [ref.input_name]: new ort.Tensor("float32", Float32Array.from(ref.input), ref.input_shape) });
    const got = r[ref.output_name];
    let maxDiff = 0;
    for (let i = 0; i < ref.output.length; i++) maxDiff = Math.max(maxDiff, Math.abs(got.data[i] - ref.output[i]));
    const ok = got.dims.join(",") === ref.output_shape.join(",") && maxDiff <= 1e-4;
    if (!ok) failed = true;
    line += `; vs torch on ${ref.input_shape[0]} images: max |diff| ${maxDiff.toExponential(2)} ${ok ? "OK" : "FAIL"}`;
  }
  console.log(line);
}
process.exit(failed ? 1 : 0);
