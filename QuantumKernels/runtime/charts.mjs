// Figures for reports, made in the runtime process because that is where the chart
// library (vega + vega-lite, headless, no canvas) and the QDK's circuit generator live.
//   chart          {spec}                              -> {svg}   Vega-Lite spec to SVG
//   circuitDiagram {qubits, inputs, weights, depth?}   -> {svg, columns, gates}
import * as vega from "vega";
import * as vl from "vega-lite";
import { qdkError } from "./qsharp.mjs";

/** A loader that refuses every fetch: report charts carry inline data only, and rendering must never touch the network. */
const offlineLoader = {
  load: (uri) => Promise.reject(qdkError("request", `charts take inline data only; the spec asks to load '${uri}'`)),
  sanitize: (uri) => Promise.reject(qdkError("request", `charts take inline data only; the spec refers to '${uri}'`)),
  http: () => Promise.reject(qdkError("request", "charts take inline data only")),
  file: () => Promise.reject(qdkError("request", "charts take inline data only")),
};

/** Compiles a Vega-Lite spec and renders it to an SVG string. */
export async function chart({ spec }) {
  if (!spec || typeof spec !== "object") throw qdkError("request", "chart needs 'spec': a Vega-Lite specification object");
  let vegaSpec;
  try {
    vegaSpec = vl.compile(spec).spec;
  } catch (e) {
    throw qdkError("request", `invalid Vega-Lite spec: ${e.message}`);
  }
  // Vega logs dataflow errors (and failed loads, as warnings) instead of throwing;
  // collect them so a broken chart fails loudly rather than rendering empty.
  const errors = [];
  const note = (...a) => errors.push(a.map((x) => String(x?.message ?? x)).join(" "));
  const logger = { level: () => logger, error: note, warn: (...a) => /failed/i.test(String(a[0])) && note(...a), info() {}, debug() {} };
  const view = new vega.View(vega.parse(vegaSpec), { renderer: "none", loader: offlineLoader, logger });
  try {
    const svg = await view.toSVG();
    if (errors.length) throw qdkError("request", `the chart failed to render: ${errors[0]}`);
    return { svg };
  } finally {
    view.finalize();
  }
}

/** Asks the QDK for the dressed circuit's gate grid and draws it. */
export async function circuitDiagram(kernels, { qubits, inputs, weights, depth }) {
  if (!Number.isInteger(qubits) || qubits < 1) throw qdkError("request", `qubits must be a positive integer, got ${qubits}`);
  const flat = (weights ?? []).flat();
  if (depth !== undefined && flat.length !== depth * qubits) {
    throw qdkError("request", `depth ${depth} with ${qubits} qubits needs ${depth * qubits} weights, got ${flat.length}`);
  }
  const circuit = await kernels.circuit({ qubits, inputs: inputs ?? [], weights: flat });
  const ops = flatten(circuit.componentGrid);
  const gates = {};
  for (const col of ops) for (const op of col) {
    const key = isCnot(op) ? "CNOT" : op.gate;
    gates[key] = (gates[key] ?? 0) + 1;
  }
  return { svg: drawCircuit(circuit.qubits.length, ops), columns: ops.length, gates };
}

/** Columns of leaf operations: grouped scopes (children) are expanded in place. */
function flatten(grid) {
  const columns = [];
  for (const column of grid ?? []) {
    const leaves = column.components.filter((c) => !c.children?.length);
    if (leaves.length) columns.push(leaves);
    for (const c of column.components) if (c.children?.length) columns.push(...flatten(c.children));
  }
  return columns;
}

const isCnot = (op) => op.kind === "unitary" && op.gate === "X" && (op.controls?.length ?? 0) > 0;
const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** QDK formats angles to 4 decimals; diagrams show 2. */
const angle = (a) => {
  if (!Number.isFinite(Number(a))) return a;
  const s = Number(a).toFixed(2);
  return s === "-0.00" ? "0.00" : s;
};

const ROW = 52, TOP = 30, LEFT = 64, GAP = 14, BOX_H = 36, FONT = "font-family=\"Helvetica, Arial, sans-serif\"";
const textWidth = (s, size) => String(s).length * size * 0.6;

function opLabel(op) {
  if (op.kind === "measurement") return { name: "M", sub: "" };
  if (op.kind === "ket") return { name: `|${op.gate ?? 0}⟩`, sub: "" };
  const name = op.gate + (op.isAdjoint ? "†" : "");
  return { name, sub: (op.args ?? []).map(angle).join(", ") };
}

function opWidth(op) {
  if (isCnot(op)) return 26;
  const { name, sub } = opLabel(op);
  return Math.max(40, textWidth(name, 14) + 16, textWidth(sub, 11) + 12);
}

/** Wires, gate boxes (name + angle), control dots, CNOT targets; one column of the grid after another. */
function drawCircuit(n, columns) {
  const y = (q) => TOP + q * ROW;
  const widths = columns.map((col) => Math.max(...col.map(opWidth)));
  const width = LEFT + widths.reduce((a, w) => a + w + GAP, GAP) + 20;
  const height = TOP + (n - 1) * ROW + 34;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" class="circuit" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="circuit diagram, ${n} qubits">`);
  out.push(`<rect width="${width}" height="${height}" fill="white"/>`);
  for (let q = 0; q < n; q++) {
    out.push(`<text x="${LEFT - 12}" y="${y(q) + 5}" text-anchor="end" font-size="14" ${FONT} fill="#333">q<tspan font-size="10" dy="3">${q}</tspan></text>`);
    out.push(`<line class="wire" x1="${LEFT}" y1="${y(q)}" x2="${width - 10}" y2="${y(q)}" stroke="#555" stroke-width="1.2"/>`);
  }
  let x = LEFT + GAP;
  columns.forEach((col, i) => {
    const cx = x + widths[i] / 2;
    for (const op of col) out.push(drawOp(op, cx, y));
    x += widths[i] + GAP;
  });
  out.push("</svg>");
  return out.join("\n");
}

function drawOp(op, cx, y) {
  const targets = (op.targets ?? op.qubits ?? []).map((r) => r.qubit);
  const controls = (op.controls ?? []).map((r) => ({ q: r.qubit, inverted: !!r.inverted }));
  const all = [...targets, ...controls.map((c) => c.q)];
  const parts = [`<g class="gate gate-${esc(isCnot(op) ? "CNOT" : op.gate)}">`];
  if (controls.length) {
    parts.push(`<line x1="${cx}" y1="${y(Math.min(...all))}" x2="${cx}" y2="${y(Math.max(...all))}" stroke="#222" stroke-width="1.4"/>`);
    for (const c of controls) {
      parts.push(`<circle class="control" cx="${cx}" cy="${y(c.q)}" r="5" fill="${c.inverted ? "white" : "#222"}" stroke="#222" stroke-width="1.4"/>`);
    }
  }
  if (isCnot(op)) {
    for (const t of targets) {
      parts.push(`<g class="cnot-target"><circle cx="${cx}" cy="${y(t)}" r="11" fill="white" stroke="#222" stroke-width="1.4"/>` +
        `<line x1="${cx - 11}" y1="${y(t)}" x2="${cx + 11}" y2="${y(t)}" stroke="#222" stroke-width="1.4"/>` +
        `<line x1="${cx}" y1="${y(t) - 11}" x2="${cx}" y2="${y(t) + 11}" stroke="#222" stroke-width="1.4"/></g>`);
    }
  } else if (targets.length) {
    const { name, sub } = opLabel(op);
    const w = opWidth(op) - 4;
    const top = y(Math.min(...targets)) - BOX_H / 2;
    const h = y(Math.max(...targets)) - y(Math.min(...targets)) + BOX_H;
    const mid = top + h / 2;
    const fill = op.gate === "H" ? "#fde7c8" : op.kind === "measurement" ? "#e4e4e4" : "#d8e8f8";
    parts.push(`<rect x="${cx - w / 2}" y="${top}" width="${w}" height="${h}" rx="4" fill="${fill}" stroke="#2d4a6b" stroke-width="1.2"/>`);
    if (sub) {
      parts.push(`<text x="${cx}" y="${mid - 2}" text-anchor="middle" font-size="14" ${FONT} fill="#111">${esc(name)}</text>`);
      parts.push(`<text class="angle" x="${cx}" y="${mid + 12}" text-anchor="middle" font-size="11" ${FONT} fill="#333">${esc(sub)}</text>`);
    } else {
      parts.push(`<text x="${cx}" y="${mid + 5}" text-anchor="middle" font-size="14" ${FONT} fill="#111">${esc(name)}</text>`);
    }
  }
  parts.push("</g>");
  return parts.join("");
}
