// The ONNX Runtime side of the runtime: loads models once (cached by path and
// modification time), describes their inputs and outputs and runs them on float32
// tensors. Tensors cross the pipe as base64 of little-endian float32 bytes, the byte
// order of every platform Node.js and .NET run on here.
import fs from "node:fs";
import path from "node:path";
import ort from "onnxruntime-node";
import { qdkError } from "./qsharp.mjs";

/** path -> { stamp, session, extra: Map<intermediate name, session>, nodeOutputs } */
const models = new Map();

/** Loads (or reuses) the session of a model file; errors name the file. */
async function loadModel(file) {
  if (typeof file !== "string" || file === "") throw qdkError("request", "no ONNX model path given");
  file = path.resolve(file);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    throw qdkError("model", `ONNX model not found: ${file}`);
  }
  const stamp = `${stat.mtimeMs}:${stat.size}`;
  const cached = models.get(file);
  if (cached?.stamp === stamp) return cached;
  if (cached) await release(cached);
  let session;
  try {
    session = await ort.InferenceSession.create(file);
  } catch (e) {
    throw qdkError("model", `${file} is not a valid ONNX model: ${String(e?.message ?? e).replace(/\s+/g, " ").trim()}`);
  }
  const entry = { file, stamp, session, extra: new Map(), nodeOutputs: null };
  models.set(file, entry);
  return entry;
}

async function release(entry) {
  models.delete(entry.file);
  for (const s of [entry.session, ...entry.extra.values()]) await s.release().catch(() => {});
}

const info = (m) => ({ name: m.name, type: m.isTensor ? m.type : "non-tensor", dims: m.isTensor ? m.shape : [] });

/** op onnx.describe {path} -> {path, inputs:[{name,type,dims}], outputs:[...]}; symbolic dims are strings. */
export async function describe(r) {
  const m = await loadModel(r.path);
  return { path: m.file, inputs: m.session.inputMetadata.map(info), outputs: m.session.outputMetadata.map(info) };
}

// ---- minimal protobuf walk, enough to list node outputs and add one graph output

function varint(buf, pos) {
  let v = 0, scale = 1, b;
  do {
    b = buf[pos++];
    v += (b & 0x7f) * scale;
    scale *= 128;
  } while (b & 0x80);
  return [v, pos];
}

function encodeVarint(v) {
  const out = [];
  while (v > 127) { out.push((v % 128) | 0x80); v = Math.floor(v / 128); }
  out.push(v);
  return Buffer.from(out);
}

/** Yields the fields of a message: number, and the byte ranges of the field and of its value. */
function* fields(buf, start, end) {
  let pos = start;
  while (pos < end) {
    const fieldStart = pos;
    let key, len;
    [key, pos] = varint(buf, pos);
    const wire = key & 7;
    let valueStart = pos;
    if (wire === 0) [, pos] = varint(buf, pos);
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) { [len, pos] = varint(buf, pos); valueStart = pos; pos += len; }
    else throw new Error(`unsupported protobuf wire type ${wire}`);
    yield { no: Math.floor(key / 8), start: fieldStart, valueStart, end: pos };
  }
}

const GRAPH = 7, NODE = 1, NODE_OUTPUT = 2, GRAPH_OUTPUT = 12, VALUE_NAME = 1;
const lengthDelimited = (no, bytes) => Buffer.concat([encodeVarint(no * 8 + 2), encodeVarint(bytes.length), bytes]);

function graphField(buf) {
  const g = [...fields(buf, 0, buf.length)].find((f) => f.no === GRAPH);
  if (!g) throw new Error("the model has no graph");
  return g;
}

/** Every tensor a node produces (the intermediates one may ask for), in graph order. */
function nodeOutputNames(buf) {
  const g = graphField(buf), names = [];
  for (const n of fields(buf, g.valueStart, g.end)) {
    if (n.no !== NODE) continue;
    for (const f of fields(buf, n.valueStart, n.end))
      if (f.no === NODE_OUTPUT && f.end > f.valueStart) names.push(buf.toString("utf8", f.valueStart, f.end));
  }
  return names;
}

/** The model bytes with one more graph output (name only; ONNX Runtime infers its type). */
function withGraphOutput(buf, name) {
  const g = graphField(buf);
  const output = lengthDelimited(GRAPH_OUTPUT, lengthDelimited(VALUE_NAME, Buffer.from(name, "utf8")));
  const graph = Buffer.concat([buf.subarray(g.valueStart, g.end), output]);
  return Buffer.concat([buf.subarray(0, g.start), lengthDelimited(GRAPH, graph), buf.subarray(g.end)]);
}

/** The session that can produce `output`: the model's own, or one with that intermediate made a graph output. */
async function sessionFor(m, output) {
  if (m.session.outputNames.includes(output)) return m.session;
  if (m.extra.has(output)) return m.extra.get(output);
  const bytes = fs.readFileSync(m.file);
  m.nodeOutputs ??= nodeOutputNames(bytes);
  if (!m.nodeOutputs.includes(output)) {
    const some = m.nodeOutputs.filter((n) => !m.session.outputNames.includes(n));
    const shown = some.slice(-8).map((n) => `'${n}'`).join(", ");
    throw qdkError("request",
      `${m.file} has no output or intermediate tensor '${output}'; outputs: ${m.session.outputNames.map((n) => `'${n}'`).join(", ")}` +
      (some.length ? `; intermediates (${some.length}, last ones): ${shown}` : ""));
  }
  const session = await ort.InferenceSession.create(withGraphOutput(bytes, output));
  m.extra.set(output, session);
  return session;
}

/** Checks the tensor against the input's declared rank and fixed dimensions, with a message saying which. */
function checkInput(m, meta, dims) {
  if (!meta.isTensor || meta.type !== "float32")
    throw qdkError("request", `${m.file}: input '${meta.name}' is ${meta.isTensor ? meta.type : "not a tensor"}; only float32 inputs are supported`);
  const want = meta.shape;
  const shape = `[${want.join(", ")}]`;
  if (want.length !== dims.length)
    throw qdkError("request", `${m.file}: input '${meta.name}' has shape ${shape} (rank ${want.length}); got a rank-${dims.length} tensor [${dims.join(", ")}]`);
  want.forEach((d, i) => {
    if (typeof d === "number" && d > 0 && d !== dims[i])
      throw qdkError("request", `${m.file}: input '${meta.name}' has shape ${shape}; got [${dims.join(", ")}] (dimension ${i} must be ${d})`);
  });
}

/**
 * Runs a model on one float32 tensor; returns the named output (default: the first)
 * as {name, dims, data: Float32Array}. Used by the ops here and by images.mjs.
 */
export async function runTensor(file, data, dims, output, input) {
  const m = await loadModel(file);
  const inputs = m.session.inputMetadata;
  if (input == null && inputs.length !== 1)
    throw qdkError("request", `${m.file} has ${inputs.length} inputs (${m.session.inputNames.join(", ")}); name the one to feed`);
  const meta = input == null ? inputs[0] : inputs.find((i) => i.name === input);
  if (!meta) throw qdkError("request", `${m.file} has no input '${input}'; inputs: ${m.session.inputNames.join(", ")}`);
  checkInput(m, meta, dims);
  const name = output ?? m.session.outputNames[0];
  const session = await sessionFor(m, name);
  let result;
  try {
    result = await session.run({ [meta.name]: new ort.Tensor("float32", data, dims) }, [name]);
  } catch (e) {
    throw qdkError("runtime", `running ${m.file} failed: ${String(e?.message ?? e).replace(/\s+/g, " ").trim()}`);
  }
  const t = result[name];
  if (t.type !== "float32") throw qdkError("request", `${m.file}: output '${name}' is ${t.type}; only float32 outputs are supported`);
  return { name, dims: t.dims.map(Number), data: t.data };
}

/** Decodes base64 little-endian float32 into an aligned Float32Array of the given dims. */
export function decodeFloats(base64, dims) {
  if (!Array.isArray(dims) || dims.length === 0 || !dims.every((d) => Number.isInteger(d) && d > 0))
    throw qdkError("request", `tensor dims must be positive integers; got ${JSON.stringify(dims)}`);
  const bytes = Buffer.from(base64 ?? "", "base64");
  const count = dims.reduce((a, b) => a * b, 1);
  if (bytes.length !== count * 4)
    throw qdkError("request", `tensor [${dims.join(", ")}] needs ${count * 4} bytes of float32; got ${bytes.length}`);
  const out = new Float32Array(count);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

export const encodeFloats = (a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

/** op onnx.run {path, data, dims, output?, input?} -> {name, dims, data}. */
export async function run(r) {
  const out = await runTensor(r.path, decodeFloats(r.data, r.dims), r.dims, r.output ?? undefined, r.input ?? undefined);
  return { name: out.name, dims: out.dims, data: encodeFloats(out.data) };
}
