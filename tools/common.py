"""Shared helpers for the PyTorch tools: FashionMNIST IDX reading/writing,
class names, normalisation constants, seeding, ONNX export.

Run the tools with Debian's Python (`/usr/bin/python3`), which has torch.
Only numpy is needed to import this module; torch is imported lazily.
"""
from __future__ import annotations

import gzip
import json
import math
import os
import random
import struct
import sys
import time

import numpy as np

DEFAULT_DATA_DIR = "/usr/share/datasets/fashion-mnist"

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
ASSETS_DIR = os.path.join(REPO_ROOT, "assets")
MODELS_DIR = os.path.join(ASSETS_DIR, "models")

CLASS_NAMES = [
    "T-shirt/top",  # 0
    "Trouser",      # 1
    "Pullover",     # 2
    "Dress",        # 3
    "Coat",         # 4
    "Sandal",       # 5
    "Shirt",        # 6
    "Sneaker",      # 7
    "Bag",          # 8
    "Ankle boot",   # 9
]

# Normalisation used by every model in assets/models: x = (pixel/255 - MEAN) / STD
# (mean/std of the FashionMNIST training images, the usual constants).
NORM_MEAN = 0.2860
NORM_STD = 0.3530

FILES = {
    "train": ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
    "test": ("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
}


# --------------------------------------------------------------------------- IDX

def _open(path):
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def read_idx(path: str) -> np.ndarray:
    """Reads an IDX file (optionally gzip'd) into a numpy array (big-endian header)."""
    with _open(path) as f:
        data = f.read()
    zero, dtype_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0:
        raise ValueError(f"{path}: not an IDX file (magic {data[:4]!r})")
    dtypes = {0x08: np.uint8, 0x09: np.int8, 0x0B: ">i2", 0x0C: ">i4", 0x0D: ">f4", 0x0E: ">f8"}
    if dtype_code not in dtypes:
        raise ValueError(f"{path}: unknown IDX type 0x{dtype_code:02x}")
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=dtypes[dtype_code], offset=4 + 4 * ndim)
    expected = int(np.prod(dims)) if dims else 1
    if arr.size != expected:
        raise ValueError(f"{path}: expected {expected} values, found {arr.size}")
    return arr.reshape(dims)


def write_idx(path: str, arr: np.ndarray) -> None:
    """Writes a uint8 array as IDX; gzip'd when path ends with .gz.
    The gzip header carries mtime 0 and no file name, so output is reproducible."""
    arr = np.ascontiguousarray(arr, dtype=np.uint8)
    header = struct.pack(">HBB", 0, 0x08, arr.ndim) + struct.pack(">" + "I" * arr.ndim, *arr.shape)
    payload = header + arr.tobytes()
    if path.endswith(".gz"):
        with open(path, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
                gz.write(payload)
    else:
        with open(path, "wb") as f:
            f.write(payload)


def load_split(split: str, data_dir: str = DEFAULT_DATA_DIR):
    """Returns (images uint8 [N,28,28], labels uint8 [N]) for split 'train' or 'test'."""
    img_name, lbl_name = FILES[split]
    images = read_idx(os.path.join(data_dir, img_name))
    labels = read_idx(os.path.join(data_dir, lbl_name))
    if images.shape[0] != labels.shape[0]:
        raise ValueError(f"{split}: {images.shape[0]} images but {labels.shape[0]} labels")
    return images, labels


def select_classes(images, labels, classes):
    """Keeps only the given classes; labels are re-indexed to 0..len(classes)-1
    in the order given. Returns (images, new_labels, original_labels)."""
    classes = list(classes)
    mask = np.isin(labels, classes)
    imgs, orig = images[mask], labels[mask]
    remap = np.full(256, -1, dtype=np.int64)
    for i, c in enumerate(classes):
        remap[c] = i
    return imgs, remap[orig], orig


def normalise(images_u8: np.ndarray) -> np.ndarray:
    """uint8 [N,28,28] -> float32 [N,1,28,28], (x/255 - mean)/std."""
    x = images_u8.astype(np.float32) / 255.0
    x = (x - NORM_MEAN) / NORM_STD
    return x[:, None, :, :]


# --------------------------------------------------------------------------- misc

def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    try:
        import torch
        torch.manual_seed(seed)
    except ImportError:
        pass


def set_threads(n: int | None = None) -> int:
    """torch defaults to 1 thread here. Without an explicit n: all cores, unless the machine
    is already busy (1-minute load average >= cores), where OpenMP threads spinning against
    other processes made training about 2x slower than a single thread (measured)."""
    import torch
    cores = os.cpu_count() or 1
    if not n:
        n = cores
        try:
            if os.getloadavg()[0] >= cores:
                n = 1
        except OSError:
            pass
    torch.set_num_threads(n)
    return n


def command_line() -> str:
    """The command that ran this script, relative to the repo root when possible."""
    script = os.path.relpath(os.path.abspath(sys.argv[0]), REPO_ROOT)
    return " ".join(["/usr/bin/python3", script] + sys.argv[1:])


def rel(path: str) -> str:
    return os.path.relpath(os.path.abspath(path), REPO_ROOT)


def write_json(path: str, obj) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2)
        f.write("\n")


def count_params(model) -> int:
    return int(sum(p.numel() for p in model.parameters()))


def training_provenance(model, args, epochs, log, seconds, threads, onnx_bytes) -> dict:
    """The metadata fields every trained, exported model records: how it was trained and exported."""
    import torch
    return {
        "epochs": epochs, "optimizer": f"Adam lr {args.lr}, {args.schedule} schedule", "batch_size": args.batch,
        "training_log": log,
        "training_seconds": round(seconds, 1), "threads": threads,
        "parameter_count": count_params(model),
        "onnx_opset": 13, "onnx_bytes": onnx_bytes,
        "seed": args.seed, "torch": torch.__version__,
        "data": args.data,
        "command": command_line(),
    }


def export_onnx(model, example, path, input_name, output_name, opset=13):
    """Exports with a dynamic batch axis on input and output; returns file size."""
    import torch
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    model.eval()
    with torch.no_grad():
        torch.onnx.export(
            model, example, path,
            input_names=[input_name], output_names=[output_name],
            dynamic_axes={input_name: {0: "batch"}, output_name: {0: "batch"}},
            opset_version=opset, do_constant_folding=True,
        )
    return os.path.getsize(path)


def evaluate(model, x: np.ndarray, y: np.ndarray, batch: int = 1000) -> float:
    """Top-1 accuracy of a logits model on normalised inputs x [N,1,28,28]."""
    import torch
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, len(x), batch):
            logits = model(torch.from_numpy(x[i:i + batch]))
            correct += int((logits.argmax(1).numpy() == y[i:i + batch]).sum())
    return correct / len(x)


def train_classifier(model, x, y, epochs, lr=1e-3, batch=128, seed=0, log_prefix="", schedule="constant"):
    """Adam + cross-entropy on normalised numpy data; returns per-epoch log.
    schedule: "constant" lr, or "cosine" (per step, from lr down to 0 over the run)."""
    import torch
    import torch.nn.functional as F
    g = torch.Generator().manual_seed(seed)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))
    steps_per_epoch = (len(xt) + batch - 1) // batch
    total_steps = max(1, epochs * steps_per_epoch)
    sched = None
    if schedule == "cosine":
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda step: 0.5 * (1 + math.cos(math.pi * min(step, total_steps) / total_steps)))
    elif schedule != "constant":
        raise ValueError(f"unknown schedule {schedule}")
    log = []
    for ep in range(epochs):
        model.train()
        t0 = time.time()
        perm = torch.randperm(len(xt), generator=g)
        total, correct, loss_sum = 0, 0, 0.0
        for i in range(0, len(perm), batch):
            idx = perm[i:i + batch]
            xb, yb = xt[idx], yt[idx]
            opt.zero_grad()
            out = model(xb)
            loss = F.cross_entropy(out, yb)
            loss.backward()
            opt.step()
            if sched is not None:
                sched.step()
            loss_sum += float(loss) * len(idx)
            correct += int((out.argmax(1) == yb).sum())
            total += len(idx)
        entry = {"epoch": ep + 1, "loss": loss_sum / total, "train_acc": correct / total,
                 "seconds": round(time.time() - t0, 1)}
        log.append(entry)
        print(f"{log_prefix}epoch {ep + 1}/{epochs} loss {entry['loss']:.4f} "
              f"train acc {entry['train_acc']:.4f} ({entry['seconds']} s)", flush=True)
    return log


def save_reference_io(path, model, x: np.ndarray, input_name, output_name):
    """Saves a small input batch and the torch output as JSON so that the ONNX file
    can be checked against torch with onnxruntime (Python or Node)."""
    import torch
    model.eval()
    with torch.no_grad():
        out = model(torch.from_numpy(x)).numpy()
    write_json(path, {
        "input_name": input_name, "input_shape": list(x.shape),
        "input": [float(v) for v in x.reshape(-1)],
        "output_name": output_name, "output_shape": list(out.shape),
        "output": [float(v) for v in out.reshape(-1)],
    })
