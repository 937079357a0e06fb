// Shot-based noisy simulation on the QDK: Entry.Shots run with compiler.runWithNoise.
// The QDK's sparse simulator draws a Pauli fault (X, Y, Z with probabilities px, py, pz) after
// every gate on each qubit the gate touches (both qubits of a CNOT, independently) and before
// every measurement; allocation and release are noiseless, and a reset is a noisy measurement
// followed by a correction, so each shot of the Q# loop starts from a clean |0…0⟩.
//
// One run with the shot loop in Q# (runWithNoise shots = 1) rather than N runs of one shot: both
// cost ~0.3-0.5 ms per shot of a 4-qubit depth-6 circuit (measured on this machine; the
// interpreter dominates, not the noise), but the Q# loop returns one histogram per circuit
// instead of one Result event per shot, and pays the compile cost once per batch, not per circuit.

/** Below this many shots per thread (~1 s of simulation) a split costs more than it saves: each run compiles first (~0.3 s). */
const MIN_SHOTS_PER_THREAD = 4000;
/** Bounds one request: ~0.4 ms per shot, so about ten minutes of simulation. */
const MAX_TOTAL_SHOTS = 2_000_000;

import { qdkError } from "./errors.mjs";

const requestError = (message) => qdkError("request", message);

/** Throws unless noise is [px, py, pz] with each in [0, 1] and a sum of at most 1. */
export function checkNoise(noise) {
  if (!Array.isArray(noise) || noise.length !== 3 || !noise.every((p) => typeof p === "number" && p >= 0 && p <= 1)) {
    throw requestError(`noise must be [px, py, pz] with each probability in [0, 1]; got ${JSON.stringify(noise)}`);
  }
  if (noise[0] + noise[1] + noise[2] > 1 + 1e-12) {
    throw requestError(`noise probabilities px + py + pz must be at most 1; got ${noise[0] + noise[1] + noise[2]}`);
  }
}

/**
 * Op "noisyShots": {qubits, inputs[][], weights[][], shots, noise: [px, py, pz]} -> {counts[][]},
 * per circuit the count of each basis outcome (2^n entries, big-endian). Rows are split across the
 * pool's threads, each with its own QDK instance, when the batch is large enough.
 */
export async function noisyShots(pool, request) {
  const { inputs, weights, shots, noise } = request;
  checkNoise(noise);
  if (!Number.isInteger(shots) || shots < 1) throw requestError(`shots must be a positive integer; got ${shots}`);
  if (!Array.isArray(inputs) || !Array.isArray(weights) || inputs.length !== weights.length) {
    throw requestError("inputs and weights must be arrays with one row per circuit");
  }
  const rows = inputs.length;
  if (rows === 0) return { counts: [] };
  if (rows * shots > MAX_TOTAL_SHOTS) {
    throw requestError(`${rows} circuits × ${shots} shots exceed ${MAX_TOTAL_SHOTS} noisy shots per request; split the batch`);
  }
  return pool.batch("noisyShots", request, { workPerRow: shots, minWorkPerThread: MIN_SHOTS_PER_THREAD });
}
