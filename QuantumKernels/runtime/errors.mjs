// The runtime's one error builder. Every failure the host sees is {kind, message[, file, line, column, code, errors]},
// kind being "compile", "runtime", "request", "estimate" or "process" (see the host's RuntimeException).
import path from "node:path";

/** An error the host reports as-is: kind, message and, for Q# errors, file/line/column (1-based). */
export function qdkError(kind, message, location = {}) {
  const error = new Error(message);
  error.qtl = { kind, message, ...location };
  return error;
}

/**
 * An error from the QDK's diagnostics ({document, diagnostic} items, as in a failed run's value.errors or a
 * QdkDiagnostics exception's diagnostics), located at the first one; relative documents resolve against dir.
 */
export function diagnosticsError(kind, diagnostics, fallback, dir) {
  const first = diagnostics?.[0];
  if (!first) return qdkError(kind, typeof fallback === "string" ? fallback : JSON.stringify(fallback));
  const where = (doc) => (doc && !doc.includes(":") ? path.resolve(dir, doc) : doc);
  const at = (d) => ({ file: where(d.document), line: d.diagnostic.range.start.line + 1, column: d.diagnostic.range.start.character + 1 });
  return qdkError(kind, first.diagnostic.message, {
    ...at(first),
    code: first.diagnostic.code,
    errors: diagnostics.map((d) => ({ ...at(d), message: d.diagnostic.message })),
  });
}

/** A thrown QDK failure (QdkDiagnostics, or anything else) as an error of this kind. */
export function failure(e, kind, dir) {
  return e?.qtl ? e : diagnosticsError(kind, e?.diagnostics, String(e?.message ?? e), dir);
}

/** The JSON the host receives for a failure. */
export function reply(e) {
  return e?.qtl ?? { kind: "runtime", message: String(e?.message ?? e) };
}
