// The QDK side of the runtime: loads the Q# project (qsharp.json and its src/ files) with the QDK's own
// project loader, compiles it with qsharp-lang and evaluates batches of circuits through Main.qs's exports.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import * as qsharp from "qsharp-lang";
import { diagnosticsError, failure, qdkError } from "./errors.mjs";

const require = createRequire(import.meta.url);
const packageDir = path.resolve(path.dirname(require.resolve("qsharp-lang")), "..");
const wasm = await import(path.join(packageDir, "lib/web/qsc_wasm.js"));

/** Q# literal for a double: always with a decimal point, full round-trip precision. */
function qsDouble(v) {
  if (typeof v !== "number" || !Number.isFinite(v)) throw qdkError("request", `not a finite number: ${v}`);
  const s = String(v);
  if (/[.]/.test(s)) return s;
  return s.includes("e") ? s.replace("e", ".0e") : s + ".0";
}
const qsDoubles = (a) => "[" + a.map(qsDouble).join(",") + "]";
const qsMatrix = (rows) => "[" + rows.map(qsDoubles).join(",") + "]";

export class QSharpKernels {
  /** Loads the project in dir (the folder of qsharp.json); a project the QDK refuses becomes the compile error. */
  static async load(dir) {
    await qsharp.loadWasmModule(fs.readFileSync(path.join(packageDir, "lib/web/qsc_wasm_bg.wasm")));
    const compiler = await qsharp.getCompiler();
    let project;
    try {
      project = await (await qsharp.getProjectLoader(projectHost)).loadQSharpProject(dir);
    } catch (e) {
      const kernels = new QSharpKernels(compiler, dir, { root: { sources: [], languageFeatures: [], dependencies: {} }, packages: {} });
      kernels.compileError = failure(e, "compile", dir).qtl;
      return kernels;
    }
    const kernels = new QSharpKernels(compiler, dir, project.packageGraphSources);
    const errors = project.errors ?? [];
    kernels.compileError = errors.length > 0 ? { kind: "compile", message: errors.join("; ") } : await kernels.check();
    return kernels;
  }

  constructor(compiler, dir, packageGraphSources) {
    this.compiler = compiler;
    this.dir = dir;
    this.sources = packageGraphSources.root.sources;
    this.wasmProgram = { packageGraphSources, profile: "unrestricted", projectType: "qsharp" };
  }

  /**
   * The project plus one more source file (its file name is its namespace) under the given profile, for the
   * compiler's QIR, estimates and circuit calls. The file sits beside the project's own, as the QDK derives a
   * project's namespaces from paths relative to its src/ folder.
   */
  programWith(file, source, profile = "unrestricted") {
    const graph = this.wasmProgram.packageGraphSources;
    const root = { ...graph.root, sources: [...this.sources, [path.join(this.dir, "src", file), source]] };
    return { packageGraphSources: { ...graph, root }, profile, projectType: "qsharp" };
  }

  /** Compiles the sources once; returns the first compile error, or null. */
  async check() {
    try {
      await this.evaluate("()", 1, () => {});
      return null;
    } catch (e) {
      return failure(e, "compile", this.dir).qtl;
    }
  }

  throwIfCompileFailed() {
    if (this.compileError) throw qdkError(this.compileError.kind, this.compileError.message, this.compileError);
  }

  describe() {
    return {
      qsharp: JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version,
      node: process.version,
      files: this.sources.map(([f]) => path.resolve(this.dir, f)),
      compileError: this.compileError,
    };
  }

  /** The QDK simulator entry; noisyShots() swaps in runWithNoise. */
  simulate(program, expr, onEvent, shots) {
    return wasm.run(program, expr, onEvent, shots);
  }

  /** Runs one Q# expression once; calls onDump for each state dump; returns the value string. */
  async evaluate(expr, shots, onDump) {
    this.throwIfCompileFailed();
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
      const kind = compileCodes.test(result.value?.code ?? "") ? "compile" : "runtime";
      throw diagnosticsError(kind, result.value?.errors, result.value, this.dir);
    }
    return result.value;
  }

  runExpression(expr) {
    return this.evaluate(expr, 1, () => {});
  }

  /**
   * Exact mode: per circuit, the basis-state probabilities (big-endian); `amplitude` selects the input encoding,
   * `entangling: false` the separable control (absent: the entangling circuit).
   */
  exact({ qubits, amplitude, entangling, inputs, weights }) {
    return this.probabilities(`Main.Exact(${qubits},${!!amplitude},${entangling !== false},${qsMatrix(inputs)},${qsMatrix(weights)})`, qubits, inputs.length);
  }

  /** Exact mode for parameter-shift gradients: per sample, its circuits in ParameterShift.qs order. */
  shiftedExact({ qubits, amplitude, entangling, inputs, weights }) {
    return this.probabilities(`Main.ShiftedExact(${qubits},${!!amplitude},${entangling !== false},${qsMatrix(inputs)},${qsMatrix(weights)})`,
      qubits, inputs.length * shiftedCircuitsPerSample({ qubits, amplitude, weights }));
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
  shots({ qubits, amplitude, entangling, inputs, weights, shots }) {
    return this.counts(`Main.Shots(${qubits},${!!amplitude},${entangling !== false},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`);
  }

  /** Shots mode for parameter-shift gradients: per sample, counts for its circuits in ParameterShift.qs order. */
  shiftedShots({ qubits, amplitude, entangling, inputs, weights, shots }) {
    return this.counts(`Main.ShiftedShots(${qubits},${!!amplitude},${entangling !== false},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`);
  }

  /** Runs expr, a Q# expression returning Int[][], and returns it as counts. */
  async counts(expr) {
    return { counts: JSON.parse(await this.evaluate(expr, 1, () => {})) };
  }

  /**
   * Noisy shots mode: Entry.Shots under the QDK's Pauli noise [px, py, pz] (see noise.mjs).
   * The same evaluate() path, on a view of this object whose simulator runs with noise.
   */
  async noisyShots({ qubits, entangling, inputs, weights, shots, noise }) {
    const noisy = Object.create(this, {
      simulate: { value: (program, expr, onEvent, s) => wasm.runWithNoise(program, expr, onEvent, s, noise, 0) },
    });
    return noisy.counts(`Main.Shots(${qubits},false,${entangling !== false},${qsMatrix(inputs)},${qsMatrix(weights)},${shots})`);
  }

  /** Columns U|j> of the variational blocks (real; an imaginary part above 1e-9 is an error). */
  async variationalColumns({ qubits, entangling, weights }) {
    const dim = 1 << qubits;
    const columns = [];
    await this.evaluate(`Main.VariationalColumns(${qubits},${entangling !== false},${qsDoubles(weights)})`, 1, (dump) => {
      const column = new Array(dim).fill(0);
      for (const [label, [re, im]] of Object.entries(dump.state)) {
        if (Math.abs(im) > 1e-9) throw qdkError("runtime", `variational column has a complex amplitude ${re}+${im}i`);
        column[parseInt(label.slice(1, 1 + qubits), 2)] = re;
      }
      columns.push(column);
    });
    return { columns };
  }

  /** The dressed circuit's gate grid (qsharp-lang circuit JSON) for one input/weight set; the host draws it. */
  async circuit({ qubits, entangling, inputs, weights }) {
    this.throwIfCompileFailed();
    if (!Number.isInteger(qubits) || qubits < 1) throw qdkError("request", `qubits must be a positive integer, got ${qubits}`);
    if (inputs.length !== qubits) throw qdkError("request", `${qubits} qubits need ${qubits} inputs, got ${inputs.length}`);
    if (weights.length % qubits !== 0) throw qdkError("request", `${weights.length} weights are not a multiple of ${qubits} qubits`);
    // getCircuit takes no entry expression: a parameterless wrapper operation plays that role.
    const wrapper = `operation Draw() : Unit { use qs = Qubit[${qubits}]; ` +
      `Main.${entangling === false ? "SeparableCircuit" : "DressedCircuit"}(${qsDoubles(inputs)}, ${qsDoubles(weights)}, qs); }`;
    const program = this.programWith("QtlCircuitDiagram.qs", wrapper);
    const config = { generationMethod: "classicalEval", maxOperations: 100000, sourceLocations: false, groupByScope: false };
    try {
      const group = await this.compiler.getCircuit(program, config, { operation: "QtlCircuitDiagram.Draw", totalNumQubits: 0 });
      return group.circuits[0];
    } catch (e) {
      throw qdkError("runtime", `the QDK could not build the circuit: ${String(e?.message ?? e)}`);
    }
  }

  /**
   * Every @Test() callable of the project, as the QDK's language service lists them (Namespace.Name): the
   * discovery the QDK's own editors use, not a pattern over the source text.
   */
  async testCallables() {
    this.throwIfCompileFailed();
    const service = await qsharp.getLanguageService(projectHost);
    try {
      const listed = new Promise((resolve) => service.addEventListener("testCallables", (e) => resolve(e.detail.callables)));
      const [file, text] = this.sources[0];
      await service.updateDocument(path.resolve(this.dir, file), 1, text);
      const timeout = new Promise((_, reject) => setTimeout(() => reject(qdkError("runtime", "the QDK listed no test callables within 60 s")), 60_000).unref());
      return (await Promise.race([listed, timeout])).map((c) => c.callableName);
    } finally {
      await service.dispose();
    }
  }
}

/** The file system as the QDK's project loader and language service see it (paths, not URLs). */
const projectHost = {
  async readFile(file) {
    try {
      return fs.readFileSync(file, "utf8");
    } catch {
      return null;
    }
  },
  async listDirectory(dir) {
    return fs.readdirSync(dir, { withFileTypes: true }).map((e) => [path.join(dir, e.name), e.isDirectory() ? 2 : 1]);
  },
  async resolvePath(base, relative) {
    return path.resolve(base, relative);
  },
  async fetchGithub() {
    throw new Error("the kernels have no GitHub dependencies");
  },
  async findManifestDirectory(file) {
    for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (fs.existsSync(path.join(dir, "qsharp.json"))) return dir;
    }
    return null;
  },
};

/** Circuits the parameter-shift rule needs per sample: 1 + 2(n + W), or 1 + 2W when the inputs are amplitudes (not shifted). */
export function shiftedCircuitsPerSample({ qubits, amplitude, weights }) {
  return 1 + 2 * ((amplitude ? 0 : qubits) + (weights[0]?.length ?? 0));
}
