// qtl-qsharp runtime: one long-lived Node.js process that answers the C# host
// over stdio, one JSON request per line and one JSON response per line:
//   request  {"id": 7, "op": "exact", ...}
//   response {"id": 7, "ok": true, "result": ...} | {"id": 7, "ok": false, "error": {...}}
// Usage: node worker.mjs <Q# project directory (the folder of qsharp.json)>
import readline from "node:readline";
import { KernelPool } from "./pool.mjs";
import { shiftedCircuitsPerSample } from "./qsharp.mjs";
import { noisyShots } from "./noise.mjs";
import * as hardware from "./hardware.mjs";
import { reply as errorReply } from "./errors.mjs";

const kernelsDir = process.argv[2];
if (!kernelsDir) {
  process.stderr.write("usage: node worker.mjs <Q# project directory (the folder of qsharp.json)>\n");
  process.exit(2);
}

const pool = await KernelPool.create(kernelsDir);
const kernels = pool.local;
const handlers = {
  hello: () => ({ ...kernels.describe(), threads: 1 + pool.helpers.length }),
  exact: (r) => pool.batch("exact", r),
  shots: (r) => pool.batch("shots", r),
  shiftedExact: (r) => pool.batch("shiftedExact", r, { workPerRow: shiftedCircuitsPerSample(r) }),
  shiftedShots: (r) => pool.batch("shiftedShots", r, { workPerRow: shiftedCircuitsPerSample(r) }),
  variationalColumns: (r) => kernels.variationalColumns(r),
  noisyShots: (r) => noisyShots(pool, r),
  qir: (r) => hardware.qir(kernels, r),
  estimates: (r) => hardware.estimates(kernels, r),
  run: (r) => kernels.runExpression(r.expr),
  tests: () => kernels.testCallables(),
  circuit: (r) => kernels.circuit({ qubits: r.qubits, inputs: r.inputs ?? [], weights: (r.weights ?? []).flat() }),
  exit: () => setImmediate(() => process.exit(0)),
};

function reply(message) {
  process.stdout.write(JSON.stringify(message) + "\n");
}

// Requests are handled strictly in order; a large batch is split across threads inside the pool.
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin })
  .on("line", (line) => {
    queue = queue.then(() => handle(line));
  })
  // The host closed the pipe (or died): finish what was asked, then exit with the threads.
  .on("close", () => queue.then(() => process.exit(0)));

async function handle(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    reply({ id: null, ok: false, error: { kind: "request", message: `request is not JSON: ${e.message}` } });
    return;
  }
  const handler = handlers[request.op];
  if (!handler) {
    reply({ id: request.id, ok: false, error: { kind: "request", message: `unknown op '${request.op}'; known: ${Object.keys(handlers).join(", ")}` } });
    return;
  }
  try {
    reply({ id: request.id, ok: true, result: await handler(request) });
  } catch (e) {
    reply({ id: request.id, ok: false, error: errorReply(e) });
  }
}
