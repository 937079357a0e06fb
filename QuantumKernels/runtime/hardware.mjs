// The road to hardware on the QDK: QIR generation and resource estimates for a small Q# entry
// source written by the host (the trained circuit with its angles inlined), compiled together
// with every kernel file so that the circuit is the one Q# defines.
import path from "node:path";

/** Turns a QDK failure (QdkDiagnostics, or a plain message string) into an error the host reports. */
function qdkFailure(e, kind, dir) {
  const first = e?.diagnostics?.[0];
  const error = new Error(first ? first.diagnostic.message : String(e?.message ?? e));
  error.qtl = { kind, message: error.message };
  if (first) {
    const doc = first.document;
    error.qtl.file = doc && !doc.includes(":") && !doc.startsWith("Qtl") ? path.join(dir, doc) : doc;
    error.qtl.line = first.diagnostic.range.start.line + 1;
    error.qtl.column = first.diagnostic.range.start.character + 1;
    error.qtl.code = first.diagnostic.code;
  }
  return error;
}

function program(kernels, { file, source }, profile) {
  if (kernels.compileError) {
    const e = new Error(kernels.compileError.message);
    e.qtl = kernels.compileError;
    throw e;
  }
  if (typeof file !== "string" || !/^Qtl\w*\.qs$/.test(file) || typeof source !== "string") {
    const e = new Error("file must be a name like QtlEntry.qs (its namespace) and source a Q# string");
    e.qtl = { kind: "request", message: e.message };
    throw e;
  }
  return { ...kernels.program, sources: [...kernels.sources, [file, source]], ...(profile ? { profile } : {}) };
}

/**
 * Op "qir": {file, source, profile} -> {qir}. The source needs an @EntryPoint(); getQir defaults to
 * the adaptive_rif profile, so the profile is passed explicitly ("base" unless asked otherwise).
 */
export async function qir(kernels, request) {
  const profile = request.profile ?? "base";
  if (!["base", "adaptive_ri", "adaptive_rif"].includes(profile)) {
    const e = new Error(`profile must be base, adaptive_ri or adaptive_rif; got ${profile}`);
    e.qtl = { kind: "request", message: e.message };
    throw e;
  }
  const p = program(kernels, request, profile);
  try {
    return { qir: await kernels.compiler.getQir(p) };
  } catch (e) {
    throw qdkFailure(e, "compile", kernels.dir);
  }
}

/**
 * Op "estimates": {file, source, expr, params: [...]} -> {estimates: [...]}, one resource estimate per
 * item of params (e.g. {qubitParams: {name: "qubit_gate_ns_e3"}}), in the estimator's own JSON.
 */
export async function estimates(kernels, request) {
  const p = program(kernels, request);
  let text;
  try {
    text = await kernels.compiler.getEstimates(p, request.expr, JSON.stringify(request.params));
  } catch (e) {
    throw qdkFailure(e, "estimate", kernels.dir);
  }
  const parsed = JSON.parse(text);
  return { estimates: Array.isArray(parsed) ? parsed : [parsed] };
}
