"""Writes a small, class-balanced FashionMNIST subset in the original IDX format.

    /usr/bin/python3 tools/make_subset.py [--data DIR] [--out DIR]
        [--train-per-class 100] [--test-per-class 40] [--seed 0]

Output (same file names as the originals, gzip'd IDX, reproducible bytes):
    train-images-idx3-ubyte.gz  train-labels-idx1-ubyte.gz
    t10k-images-idx3-ubyte.gz   t10k-labels-idx1-ubyte.gz
    README.md

Selection: for each class, a seeded random choice of `per-class` indices from
that class in the split; the chosen images are kept in their original order
(sorted by original index), so classes stay interleaved as in the source files.
"""
from __future__ import annotations

import argparse
import os

import numpy as np

import common


def pick(labels: np.ndarray, per_class: int, rng: np.random.Generator) -> np.ndarray:
    chosen = []
    for c in range(10):
        idx = np.flatnonzero(labels == c)
        if len(idx) < per_class:
            raise SystemExit(f"class {c} has only {len(idx)} images, {per_class} requested")
        chosen.append(rng.choice(idx, size=per_class, replace=False))
    return np.sort(np.concatenate(chosen))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=common.DEFAULT_DATA_DIR)
    ap.add_argument("--out", default=os.path.join(common.ASSETS_DIR, "fashion-mnist-subset"))
    ap.add_argument("--train-per-class", type=int, default=100)
    ap.add_argument("--test-per-class", type=int, default=40)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    rng = np.random.default_rng(args.seed)
    os.makedirs(args.out, exist_ok=True)
    counts = {}
    for split, per_class in (("train", args.train_per_class), ("test", args.test_per_class)):
        images, labels = common.load_split(split, args.data)
        idx = pick(labels, per_class, rng)
        img_name, lbl_name = common.FILES[split]
        common.write_idx(os.path.join(args.out, img_name), images[idx])
        common.write_idx(os.path.join(args.out, lbl_name), labels[idx])
        counts[split] = (len(idx), per_class, len(labels))
        # Round-trip check.
        back_i = common.read_idx(os.path.join(args.out, img_name))
        back_l = common.read_idx(os.path.join(args.out, lbl_name))
        assert np.array_equal(back_i, images[idx]) and np.array_equal(back_l, labels[idx])
        assert np.array_equal(np.bincount(back_l, minlength=10), np.full(10, per_class))
        print(f"{split}: {len(idx)} images ({per_class} per class) from {len(labels)}")

    total = 0
    sizes = []
    for split in ("train", "test"):
        for name in common.FILES[split]:
            s = os.path.getsize(os.path.join(args.out, name))
            total += s
            sizes.append(f"| `{name}` | {s:,} bytes |")
    print(f"total {total:,} bytes in {args.out}")

    classes = "\n".join(f"| {i} | {n} |" for i, n in enumerate(common.CLASS_NAMES))
    ntr, ptr, srctr = counts["train"]
    nte, pte, srcte = counts["test"]
    readme = f"""# FashionMNIST subset (class-balanced)

A small, class-balanced subset of [FashionMNIST](https://github.com/zalandoresearch/fashion-mnist)
(Xiao, Rasul & Vollgraf 2017, MIT licence) committed for the built-in demo and the tests.
The files use the original IDX format (gzip'd, big-endian header, uint8 pixels 28x28, uint8
labels) and the original file names, so any reader of the full dataset reads this one too.

Made from Debian's `dataset-fashion-mnist` files (`{common.DEFAULT_DATA_DIR}`) with

    {common.command_line()}

| split | file prefix | images | per class | taken from |
|-------|-------------|--------|-----------|------------|
| train | `train-*` | {ntr} | {ptr} | {srctr} (train) |
| test  | `t10k-*`  | {nte} | {pte} | {srcte} (t10k) |

Selection: seed {args.seed} (`numpy.random.default_rng`), for each class a random choice without
replacement of the indices of that class; the chosen images keep their original order (sorted by
index in the source file), so the classes are interleaved as in the originals. The output bytes are
reproducible (gzip mtime 0, no file name in the gzip header).

| file | size |
|------|------|
{chr(10).join(sizes)}

Classes:

| label | name |
|-------|------|
{classes}

Normalisation used by every model in `assets/models/`: float32 `[N,1,28,28]`,
`x = (pixel/255 - {common.NORM_MEAN:.4f}) / {common.NORM_STD:.4f}`.
"""
    with open(os.path.join(args.out, "README.md"), "w") as f:
        f.write(readme)


if __name__ == "__main__":
    main()
