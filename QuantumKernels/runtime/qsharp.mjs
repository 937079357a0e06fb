// The QDK side of the runtime: loads every .qs file of the kernels directory,
// compiles them with qsharp-lang and evaluates batches of circuits.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as qsharp from "qsharp-lang";

const require = createRequire(import.meta.url);
const packageDir = path.resolve(path.dirname(require.resolve("qsharp-lang")), "..");
const wasm = await import(path.join(packageDir, "lib/web/qsc_wasm.js"));

/** An error the host reports as-is: kind, message and, for Q# errors, file/line/column. */
export function qdkError(kind, message, location = {}) {
  const error = new Error(message);
  error.qtl = { kind, message, ...location };
  return error;
}

/** Q# literal for a double: always with a decimal point, full round-trip precision. */
function qsDouble(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) throw qdkError("request", `not a finite number: ${v}`);
  const s = String(v);
  if (/[.]/.test(s)) return s;
  return s.includes("e") ? s.replace("e", ".0e") : s + ".0";
}
const qsDoubles = (a) => "[" + a.map(qsDouble).join(",") + "]";
const qsMatrix = (rows) => "[" + rows.map(qsDoubles).join(",") + "]";

/** Turns a failed Result value into an error naming file, line and column (1-based). */
function resultError(value, kind, dir) {
  const where = (doc) => (doc && !doc.includes(":") ? path.join(dir, doc) : doc);
  const first = value?.errors?.[0];
  if (!first) return qdkError(kind, typeof value === "string" ? value : JSON.stringify(value));
  const d = first.diagnostic;
  return qdkError(kind, d.message, {
    file: where(first.document),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    code: d.code,
    errors: value.errors.map((e) => ({
      file: where(e.document),
      line: e.diagnostic.range.start.line + 1,
      column: e.diagnostic.range.start.character + 1,
      message: e.diagnostic.message,
    })),
  });
}

export class QSharpKernels {
  static async load(dir) {
    await qsharp.loadWasmModule(fs.readFileSync(path.join(packageDir, "lib/web/qsc_wasm_bg.wasm")));
    const compiler = await qsharp.getCompiler();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith(".qs")).sort();
    if (files.length === 0) throw new Error(`no .qs files in ${dir}`);
    const sources = files.map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]);
    const kernels = new QSharpKernels(compiler, dir, sources);
    kernels.compileError = await kernels.check();
    return kernels;
  }

  constructor(compiler, dir, sources) {
    this.compiler = compiler;
    this.dir = dir;
    this.sources = sources;
    this.program = { sources, languageFeatures: [] };
    this.wasmProgram = {
      packageGraphSources: { root: { sources, languageFeatures: [], dependencies: {} }, packages: {}, hasManifest: false },
      profile: "unrestricted",
      projectType: "qsharp",
    };
  }

  /** Compiles the sources once; returns the first compile error, or null. */
  async check() {
    try {
      await this.evaluate("()", 1, () => {});
      return null;
    } catch (e) {
      return e.qtl ?? { kind: "compile", message: String(e) };
    }
  }

  describe() {
    return {
      qsharp: JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version,
      node: process.version,
      files: this.sources.map(([f]) => path.join(this.dir, f)),
      compileError: this.compileError,
    };
  }

  /** Runs one Q# expression once; calls onDump for each state dump; returns the value string. */
  /** The QDK simulator entry; noisyShots() swaps in runWithNoise. */
  simulate(program, expr, onEvent, shots) {
    return wasm.run(program, expr, onEvent, shots);
  }

  async evaluate(expr, shots, onDump) {
    if (this.compileError) throw qdkError(this.compileError.kind, this.compileError.message, this.compileError);
    let result = null;
    // The wasm module's own run: the package's event wrapper parses each event's JSON up to
    // three times, which costs more than simulating a small circuit. Same module instance.
    const onEvent = (message) => {
      const event = JSON.parse(message);
      if (event.type === "DumpMachine") onDump(event);
      else if (event.type === "Result") result = { success: event.success, value: event.result };
    };
    try {
      this.simulate(this.wasmProgram, expr, onEvent, shots);
    } catch (e) {
      if (!result) throw qdkError("compile", `QDK rejected the expression: ${String(e?.message ?? e)}`);
    }
    if (!result) throw qdkError("runtime", "the QDK returned no result");
    if (!result.success) {
      const compileCodes = /Resolve|TypeCk|Parse|Lower|Frontend|Pass/;
      throw resultError(result.value, compileCodes.test(result.value?.code ?? "") ? "compile" : "runtime", this.dir);
    }
    return result.value;
  }

  runExpression(expr) {
    return this.evaluate(expr, 1, () => {});
  }

  /** Exact mode: per circuit, the basis-state probabilities (big-endian). */
  exact({ qubits, inputs, weights }) {
    return this.probabilities(`Entry.DressedExact(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)})`, qubits, inputs.length);
  }

  /** Exact mode for parameter-shift gradients: per sample, its circuits in ParameterShift.qs order. */
  shiftedExact({ qubits, inputs, weights }) {
    return this.probabilities(`Entry.DressedShiftedExact(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)})`,
      qubits, inputs.length * shiftedCircuitsPerSample({ qubits, weights }));
  }

  /** Runs expr and returns the basis-state probabilities of each of its `count` state dumps. */
  async probabilities(expr, qubits, count) {
    const dim = 1 << qubits;
    const probabilities = [];
    await this.evaluate(expr, 1, (dump) => {
      if (dump.qubitCount !== qubits) throw qdkError("runtime", `state dump has ${dump.qubitCount} qubits, expected ${qubits}`);
      const p = new Array(dim).fill(0);
      for (const [label, [re, im]] of Object.entries(dump.state)) {
        p[parseInt(label.slice(1, 1 + qubits), 2)] = re * re + im * im;
      }
      probabilities.push(p);
    });
    if (probabilities.length !== count) throw qdkError("runtime", `expected ${count} state dumps, got ${probabilities.length}`);
    return { probabilities };
  }

  /** Shots mode: per circuit, counts of each basis outcome from Q# measurement. */
  async shots({ qubits, inputs, weights, shots }) {
    const value = await this.evaluate(
      `Entry.DressedShots(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`, 1, () => {});
    return { counts: JSON.parse(value) };
  }

  /** Shots mode for parameter-shift gradients: per sample, counts for its circuits in ParameterShift.qs order. */
  async shiftedShots({ qubits, inputs, weights, shots }) {
    const value = await this.evaluate(
      `Entry.DressedShiftedShots(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`, 1, () => {});
    return { counts: JSON.parse(value) };
  }

  /**
   * Noisy shots mode: Entry.DressedShots under the QDK's Pauli noise [px, py, pz] (see noise.mjs).
   * The same evaluate() path, on a view of this object whose simulator runs with noise.
   */
  async noisyShots({ qubits, inputs, weights, shots, noise }) {
    const noisy = Object.create(this, {
      simulate: { value: (program, expr, onEvent, s) => wasm.runWithNoise(program, expr, onEvent, s, noise, 0) },
    });
    const value = await noisy.evaluate(
      `Entry.DressedShots(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`, 1, () => {});
    return { counts: JSON.parse(value) };
  }

  /** Amplitude-encoded student (Students.qs), exact: per row of `inputs` (2^n amplitudes), basis-state probabilities. */
  studentExact({ qubits, inputs, weights }) {
    return this.probabilities(`Students.AmplitudeStudentExact(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)})`, qubits, inputs.length);
  }

  /** Amplitude-encoded student, shots: per row, counts of each basis outcome from Q# measurement. */
  async studentShots({ qubits, inputs, weights, shots }) {
    const value = await this.evaluate(
      `Students.AmplitudeStudentShots(${qubits},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`, 1, () => {});
    return { counts: JSON.parse(value) };
  }

  /** Columns U|j> of the student's variational part (real; an imaginary part above 1e-9 is an error). */
  async studentColumns({ qubits, weights }) {
    const dim = 1 << qubits;
    const columns = [];
    await this.evaluate(`Students.VariationalColumns(${qubits},${qsDoubles(weights)})`, 1, (dump) => {
      const column = new Array(dim).fill(0);
      for (const [label, [re, im]] of Object.entries(dump.state)) {
        if (Math.abs(im) > 1e-9) throw qdkError("runtime", `student column has a complex amplitude ${re}+${im}i`);
        column[parseInt(label.slice(1, 1 + qubits), 2)] = re;
      }
      columns.push(column);
    });
    return { columns };
  }

  /** The dressed circuit's gate grid (qsharp-lang circuit JSON) for one input/weight set; the host draws it. */
  async circuit({ qubits, inputs, weights }) {
    if (this.compileError) throw qdkError(this.compileError.kind, this.compileError.message, this.compileError);
    if (!Number.isInteger(qubits) || qubits < 1) throw qdkError("request", `qubits must be a positive integer, got ${qubits}`);
    if (inputs.length !== qubits) throw qdkError("request", `${qubits} qubits need ${qubits} inputs, got ${inputs.length}`);
    if (weights.length % qubits !== 0) throw qdkError("request", `${weights.length} weights are not a multiple of ${qubits} qubits`);
    // getCircuit takes no entry expression: a parameterless wrapper operation plays that role.
    const wrapper = `operation Draw() : Unit { use qs = Qubit[${qubits}]; ` +
      `Circuits.DressedCircuit(${qsDoubles(inputs)}, ${qsDoubles(weights)}, qs); }`;
    const program = { ...this.program, sources: [...this.sources, ["QtlCircuitDiagram.qs", wrapper]] };
    const config = { generationMethod: "classicalEval", maxOperations: 100000, sourceLocations: false, groupByScope: false };
    try {
      const group = await this.compiler.getCircuit(program, config, { operation: "QtlCircuitDiagram.Draw", totalNumQubits: 0 });
      return group.circuits[0];
    } catch (e) {
      throw qdkError("runtime", `the QDK could not build the circuit: ${String(e?.message ?? e)}`);
    }
  }

  /** Every @Test() callable of the sources, as Namespace.Name (namespace = file name). */
  listTests() {
    const tests = [];
    for (const [file, text] of this.sources) {
      const ns = path.basename(file, ".qs");
      for (const m of text.matchAll(/@Test\(\)\s*(?:operation|function)\s+(\w+)/g)) tests.push(`${ns}.${m[1]}`);
    }
    return tests;
  }
}

/** Circuits the parameter-shift rule needs per sample: 1 + 2(n + W). */
export function shiftedCircuitsPerSample({ qubits, weights }) {
  return 1 + 2 * (qubits + (weights[0]?.length ?? 0));
}
