// Splits large circuit batches across worker threads, each with its own QDK
// instance: the QDK simulator is single-threaded, and each call's fixed compile
// cost then runs in parallel too.
import os from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { QSharpKernels } from "./qsharp.mjs";
import { reply } from "./errors.mjs";

/** Below this many circuits per thread a split costs more than it saves. */
const MIN_CIRCUITS_PER_THREAD = 64;

export class KernelPool {
  static async create(dir, threads = Math.min(os.availableParallelism(), 4)) {
    const local = await QSharpKernels.load(dir);
    const helpers = [];
    if (!local.compileError) {
      for (let i = 1; i < threads; i++) helpers.push(new ThreadKernels(dir));
      await Promise.all(helpers.map((h) => h.ready));
    }
    return new KernelPool(local, helpers);
  }

  constructor(local, helpers) {
    this.local = local;
    this.helpers = helpers;
  }

  /**
   * The runtime's one batch splitter: runs op (a QSharpKernels batch method) on row slices of the request in
   * parallel and concatenates the results. Each row of inputs is workPerRow units of work (circuits, or shots);
   * a thread gets at least minWorkPerThread of them, below which a split costs more than it saves.
   */
  async batch(op, request, { workPerRow = 1, minWorkPerThread = MIN_CIRCUITS_PER_THREAD } = {}) {
    const rows = request.inputs.length;
    const byWork = Math.floor((rows * workPerRow) / minWorkPerThread);
    const parts = Math.max(1, Math.min(1 + this.helpers.length, rows, byWork));
    if (parts === 1) return this.local[op](request);
    const size = Math.ceil(rows / parts);
    const slices = Array.from({ length: parts }, (_, p) => ({
      ...request,
      inputs: request.inputs.slice(p * size, (p + 1) * size),
      weights: request.weights.slice(p * size, (p + 1) * size),
    }));
    // Post to the threads first: the local QDK call runs synchronously and would hold the messages back.
    const remote = slices.slice(1).map((s, p) => this.helpers[p].call(op, s));
    const results = [await this.local[op](slices[0]), ...(await Promise.all(remote))];
    const merged = {};
    for (const key of Object.keys(results[0])) merged[key] = results.flatMap((r) => r[key]);
    return merged;
  }
}

/** A QDK instance in a worker thread, called with postMessage. */
class ThreadKernels {
  constructor(dir) {
    this.worker = new Worker(new URL(import.meta.url), { workerData: { dir } });
    this.worker.unref();
    this.pending = new Map();
    this.next = 0;
    this.ready = new Promise((resolve, reject) => {
      this.worker.once("message", resolve);
      this.worker.once("error", reject);
    });
    this.ready.then(() => this.worker.on("message", ({ id, result, error }) => {
      const { resolve, reject } = this.pending.get(id);
      this.pending.delete(id);
      if (error) reject(Object.assign(new Error(error.message), { qtl: error }));
      else resolve(result);
    }));
  }

  call(op, request) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, request });
    });
  }
}

if (!isMainThread) {
  const kernels = await QSharpKernels.load(workerData.dir);
  parentPort.on("message", async ({ id, op, request }) => {
    try {
      parentPort.postMessage({ id, result: await kernels[op](request) });
    } catch (e) {
      parentPort.postMessage({ id, error: reply(e) });
    }
  });
  parentPort.postMessage("ready");
}
