// The road to hardware on the QDK: QIR generation and resource estimates for a small Q# entry
// source written by the host (the trained circuit with its angles inlined), compiled together
// with every kernel file so that the circuit is the one Q# defines.
import { failure, qdkError } from "./errors.mjs";

function program(kernels, { file, source }, profile) {
  kernels.throwIfCompileFailed();
  if (typeof file !== "string" || !/^Qtl\w*\.qs$/.test(file) || typeof source !== "string") {
    throw qdkError("request", "file must be a name like QtlEntry.qs (its namespace) and source a Q# string");
  }
  return kernels.programWith(file, source, profile);
}

/**
 * Op "qir": {file, source, profile} -> {qir}. The source needs an @EntryPoint(); getQir defaults to
 * the adaptive_rif profile, so the profile is passed explicitly ("base" unless asked otherwise).
 */
export async function qir(kernels, request) {
  const profile = request.profile ?? "base";
  if (!["base", "adaptive_ri", "adaptive_rif"].includes(profile)) {
    throw qdkError("request", `profile must be base, adaptive_ri or adaptive_rif; got ${profile}`);
  }
  const p = program(kernels, request, profile);
  try {
    return { qir: await kernels.compiler.getQir(p) };
  } catch (e) {
    throw failure(e, "compile", kernels.dir);
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
    throw failure(e, "estimate", kernels.dir);
  }
  const parsed = JSON.parse(text);
  return { estimates: Array.isArray(parsed) ? parsed : [parsed] };
}
