"""Trains the demo backbone: a small CNN on the FashionMNIST *source* classes
(2..9 by default), exported to ONNX as a feature extractor.

    /usr/bin/python3 tools/train_backbone.py [--epochs 3] [--seed 0] [--data DIR]
        [--source 2,3,4,5,6,7,8,9] [--target 0,1] [--out assets/models/fashion-backbone.onnx]

The backbone never sees the target classes (default 0 "T-shirt/top" and 1 "Trouser"),
so the built-in demo (a binary head over the target pair on frozen features) is a
genuine transfer task. The script refuses a target class that is also a source class.

ONNX: input "image" float32 [N,1,28,28] (dynamic N), normalised as
(pixel/255 - 0.2860)/0.3530; output "features" float32 [N,64] (the penultimate
FC layer after ReLU, i.e. non-negative, before the classifier).
Metadata goes next to it as .json.
"""
from __future__ import annotations

import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn

import common

FEATURE_DIM = 64


def conv_relu(cin, cout, stride=1):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, stride=stride, padding=1), nn.ReLU(inplace=True))


class Backbone(nn.Module):
    """28x28 -> conv24 stride 2 (14x14) -> conv48 -> maxpool2 (7x7) -> conv64 -> maxpool2 (3x3)
    -> flatten 576 -> FC 64 + BatchNorm + ReLU = features. The BatchNorm keeps every feature
    unit alive (without it Adam left ~half of the 64 ReLU units dead on all images). Kept
    deliberately cheap (about a minute per epoch on this 2-core machine)."""

    def __init__(self, feature_dim=FEATURE_DIM):
        super().__init__()
        self.body = nn.Sequential(
            conv_relu(1, 24, stride=2),                          # 14x14
            conv_relu(24, 48), nn.MaxPool2d(2),                  # 7x7
            conv_relu(48, 64), nn.MaxPool2d(2),                  # 3x3
            nn.Flatten(), nn.Linear(64 * 3 * 3, feature_dim), nn.BatchNorm1d(feature_dim), nn.ReLU(inplace=True),
        )

    def forward(self, x):
        return self.body(x)


class Classifier(nn.Module):
    def __init__(self, backbone, n_classes):
        super().__init__()
        self.backbone = backbone
        self.head = nn.Linear(FEATURE_DIM, n_classes)

    def forward(self, x):
        return self.head(self.backbone(x))


def features(model, x, batch=1000):
    model.eval()
    out = []
    with torch.no_grad():
        for i in range(0, len(x), batch):
            out.append(model(torch.from_numpy(x[i:i + batch])).numpy())
    return np.concatenate(out)


def linear_probe(f_tr, y_tr, f_te, y_te, steps=500, seed=0):
    """Logistic regression (full batch Adam, standardised features) -> test accuracy."""
    torch.manual_seed(seed)
    mu, sd = f_tr.mean(0), f_tr.std(0) + 1e-6
    a = torch.from_numpy((f_tr - mu) / sd)
    b = torch.from_numpy((f_te - mu) / sd)
    ya = torch.from_numpy(y_tr.astype(np.int64))
    lin = nn.Linear(a.shape[1], int(y_tr.max()) + 1)
    opt = torch.optim.Adam(lin.parameters(), lr=0.01, weight_decay=1e-4)
    for _ in range(steps):
        opt.zero_grad()
        nn.functional.cross_entropy(lin(a), ya).backward()
        opt.step()
    with torch.no_grad():
        return float((lin(b).argmax(1).numpy() == y_te).mean())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=common.DEFAULT_DATA_DIR)
    ap.add_argument("--subset", default=os.path.join(common.ASSETS_DIR, "fashion-mnist-subset"),
                    help="committed subset used for the target-pair linear probe")
    ap.add_argument("--source", default="2,3,4,5,6,7,8,9")
    ap.add_argument("--target", default="0,1")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--schedule", choices=["cosine", "constant"], default="cosine")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--out", default=os.path.join(common.MODELS_DIR, "fashion-backbone.onnx"))
    ap.add_argument("--ref-out", default="/tmp/qtl-onnx-check/fashion-backbone.ref.json",
                    help="torch input/output pair for checking the ONNX file")
    args = ap.parse_args()

    source = [int(c) for c in args.source.split(",")]
    target = [int(c) for c in args.target.split(",")]
    if set(source) & set(target):
        raise SystemExit(f"target classes {sorted(set(source) & set(target))} are in the source set: not a transfer task")

    threads = common.set_threads(args.threads or None)
    common.seed_everything(args.seed)
    t_start = time.time()

    tr_x, tr_y, _ = common.select_classes(*common.load_split("train", args.data), source)
    te_x, te_y, _ = common.select_classes(*common.load_split("test", args.data), source)
    xtr, xte = common.normalise(tr_x), common.normalise(te_x)
    print(f"source classes {source}: {len(xtr)} train, {len(xte)} test; {threads} threads", flush=True)

    backbone = Backbone()
    model = Classifier(backbone, len(source))
    log = common.train_classifier(model, xtr, tr_y, args.epochs, lr=args.lr, batch=args.batch, seed=args.seed,
                                  schedule=args.schedule)
    train_seconds = time.time() - t_start
    acc = common.evaluate(model, xte, te_y)
    print(f"source test accuracy {acc:.4f} ({len(xte)} images); training {train_seconds:.0f} s")

    # Transfer sanity check: linear probe on frozen features for the target pair,
    # using the committed subset (the same data the built-in demo uses).
    probe = dead = None
    if os.path.isdir(args.subset):
        sub_train = common.load_split("train", args.subset)
        f_all = features(backbone, common.normalise(sub_train[0]))
        dead = int((f_all.max(0) <= 0).sum())
        print(f"features never positive on the {len(f_all)} subset train images: {dead} of {f_all.shape[1]}")
        s_tr = common.select_classes(*sub_train, target)
        s_te = common.select_classes(*common.load_split("test", args.subset), target)
        f_tr = features(backbone, common.normalise(s_tr[0]))
        f_te = features(backbone, common.normalise(s_te[0]))
        probe = linear_probe(f_tr, s_tr[1], f_te, s_te[1], seed=args.seed)
        print(f"linear probe on target classes {target} (subset: {len(f_tr)} train, {len(f_te)} test): {probe:.4f}")

    size = common.export_onnx(backbone, torch.zeros(1, 1, 28, 28), args.out, "image", "features")
    print(f"wrote {args.out} ({size:,} bytes)")
    rng = np.random.default_rng(args.seed)
    common.save_reference_io(args.ref_out, backbone, xte[rng.choice(len(xte), 3, replace=False)], "image", "features")

    meta = {
        "name": "fashion-backbone",
        "file": os.path.basename(args.out),
        "description": "Small CNN feature extractor trained on FashionMNIST source classes only; "
                       "the classifier head used for training is not exported.",
        "architecture": "conv3x3 24ch stride 2 + ReLU (14x14), conv3x3 48ch + ReLU, maxpool 2 (7x7), "
                        "conv3x3 64ch + ReLU, maxpool 2 (3x3), flatten 576, FC 64 + BatchNorm + ReLU -> 64 features; "
                        "training head FC 64 -> 8 not exported",
        "input": {"name": "image", "shape": ["N", 1, 28, 28], "dtype": "float32",
                  "layout": "NCHW, grayscale, row-major 28x28 as in the IDX files"},
        "output": {"name": "features", "shape": ["N", FEATURE_DIM], "dim": FEATURE_DIM, "dtype": "float32",
                   "note": "ReLU activations of the penultimate FC layer (non-negative)"},
        "normalisation": {"formula": "(pixel/255 - mean) / std", "mean": common.NORM_MEAN, "std": common.NORM_STD},
        "source_classes": source,
        "source_class_names": [common.CLASS_NAMES[c] for c in source],
        "excluded_classes": sorted(set(range(10)) - set(source)),
        "demo_target_classes": target,
        "demo_target_class_names": [common.CLASS_NAMES[c] for c in target],
        "source_test_accuracy": round(acc, 4),
        "source_test_images": int(len(xte)),
        "dead_features_on_subset_train": dead,
        "dead_features_note": "feature units that are 0 on all 1000 images of the committed subset's train split",
        "target_linear_probe_accuracy": None if probe is None else round(probe, 4),
        "target_linear_probe_note": "logistic regression on standardised frozen features, "
                                    "trained on the committed subset's train split of the target "
                                    "classes, accuracy on its t10k split",
        **common.training_provenance(backbone, args, args.epochs, log, train_seconds, threads, size),
    }
    common.write_json(os.path.splitext(args.out)[0] + ".json", meta)


if __name__ == "__main__":
    main()
