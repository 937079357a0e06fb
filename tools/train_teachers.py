"""Trains the knowledge-distillation teachers for arXiv:2311.13810 (LeNet and an
AlexNet-style CNN) on FashionMNIST class subsets 0-5 and 0-7, exported as ONNX.

    /usr/bin/python3 tools/train_teachers.py [--models lenet,alexnet] [--subsets 0-5,0-7]
        [--lenet-epochs 4] [--alexnet-epochs 3] [--seed 0] [--data DIR] [--out-dir assets/models]

Each model is trained on the full FashionMNIST train split restricted to its classes and
evaluated on the t10k split of the same classes. Files: teacher-<arch>-<a>-<b>.onnx + .json.

ONNX: input "image" float32 [N,1,28,28] (dynamic N), normalised as
(pixel/255 - 0.2860)/0.3530; output "logits" float32 [N,C] (raw scores, no softmax),
C = number of classes, logit k <-> original FashionMNIST label classes[k].

Architectures (28x28 grayscale inputs):
  LeNet: conv 6 5x5 pad 2 + ReLU, maxpool 2, conv 16 5x5 + ReLU, maxpool 2,
         FC 400->120 + ReLU, FC 120->84 + ReLU, FC 84->C.
  AlexNet-style: 3x3 convolutions with AlexNet's 64/192/384 channel progression scaled by
         --alexnet-width (default 0.5 -> 32/96/192) and a strided first layer:
         conv 3x3 stride 2 + ReLU (14x14), maxpool 2 (7x7), conv 3x3 + ReLU, maxpool 2 (3x3),
         conv 3x3 + ReLU, flatten, dropout, FC -> H + ReLU, dropout, FC H -> H + ReLU, FC H -> C,
         with H = --alexnet-fc (default 128, narrowed from AlexNet's 4096).
  The narrowing keeps each ONNX under 2 MB and the training inside the 2-core time budget;
  it is recorded in the metadata.
"""
from __future__ import annotations

import argparse
import os
import time

import numpy as np
import torch
import torch.nn as nn

import common


class LeNet(nn.Module):
    def __init__(self, n_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(inplace=True), nn.MaxPool2d(2),   # 14x14
            nn.Conv2d(6, 16, 5), nn.ReLU(inplace=True), nn.MaxPool2d(2),             # 5x5
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(16 * 5 * 5, 120), nn.ReLU(inplace=True),
            nn.Linear(120, 84), nn.ReLU(inplace=True),
            nn.Linear(84, n_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


class AlexNetStyle(nn.Module):
    def __init__(self, n_classes, width=0.5, fc=128, dropout=0.3):
        super().__init__()
        c1, c2, c3 = (max(1, round(c * width)) for c in (64, 192, 384))
        self.channels = (c1, c2, c3)
        self.features = nn.Sequential(
            nn.Conv2d(1, c1, 3, stride=2, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),  # 7x7
            nn.Conv2d(c1, c2, 3, padding=1), nn.ReLU(inplace=True), nn.MaxPool2d(2),           # 3x3
            nn.Conv2d(c2, c3, 3, padding=1), nn.ReLU(inplace=True),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Dropout(dropout), nn.Linear(c3 * 3 * 3, fc), nn.ReLU(inplace=True),
            nn.Dropout(dropout), nn.Linear(fc, fc), nn.ReLU(inplace=True),
            nn.Linear(fc, n_classes),
        )

    def forward(self, x):
        return self.classifier(self.features(x))


def describe(arch, model, args):
    if arch == "lenet":
        return ("LeNet-5 adapted to 28x28: conv 6 5x5 pad 2 + ReLU, maxpool 2, conv 16 5x5 + ReLU, "
                "maxpool 2, FC 400->120 + ReLU, FC 120->84 + ReLU, FC 84->C"), {}
    c1, c2, c3 = model.channels
    text = (f"AlexNet-style: conv {c1} 3x3 stride 2 pad 1 + ReLU, maxpool 2, conv {c2} 3x3 pad 1 + ReLU, "
            f"maxpool 2, conv {c3} 3x3 pad 1 + ReLU, flatten {c3 * 9}, dropout {args.alexnet_dropout}, "
            f"FC {c3 * 9}->{args.alexnet_fc} + ReLU, dropout {args.alexnet_dropout}, "
            f"FC {args.alexnet_fc}->{args.alexnet_fc} + ReLU, FC {args.alexnet_fc}->C")
    deviations = {
        "conv_channels": [c1, c2, c3],
        "conv_channels_paper": [64, 192, 384],
        "width_multiplier": args.alexnet_width,
        "fc_width": args.alexnet_fc,
        "fc_width_original_alexnet": 4096,
        "note": "channels scaled by width_multiplier and FC layers narrowed from 4096 so that the ONNX "
                "file stays < 2 MB and training fits the CPU budget; first conv strided (AlexNet's "
                "first layer is strided too)",
    }
    return text, deviations


def parse_subset(text):
    a, b = (int(v) for v in text.split("-"))
    return list(range(a, b + 1)), f"{a}-{b}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=common.DEFAULT_DATA_DIR)
    ap.add_argument("--models", default="lenet,alexnet")
    ap.add_argument("--subsets", default="0-5,0-7")
    ap.add_argument("--lenet-epochs", type=int, default=4)
    ap.add_argument("--alexnet-epochs", type=int, default=3)
    ap.add_argument("--alexnet-width", type=float, default=0.5)
    ap.add_argument("--alexnet-fc", type=int, default=128)
    ap.add_argument("--alexnet-dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--schedule", choices=["cosine", "constant"], default="cosine",
                    help="learning-rate schedule over the run (cosine: lr -> 0 per step)")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    ap.add_argument("--out-dir", default=common.MODELS_DIR)
    ap.add_argument("--ref-dir", default="/tmp/qtl-onnx-check",
                    help="where torch input/output pairs for checking the ONNX files go")
    args = ap.parse_args()

    threads = common.set_threads(args.threads or None)
    train_all = common.load_split("train", args.data)
    test_all = common.load_split("test", args.data)
    summary = []
    t_all = time.time()
    for subset_text in args.subsets.split(","):
        classes, tag = parse_subset(subset_text)
        tr_x, tr_y, _ = common.select_classes(*train_all, classes)
        te_x, te_y, _ = common.select_classes(*test_all, classes)
        xtr, xte = common.normalise(tr_x), common.normalise(te_x)
        for arch in args.models.split(","):
            common.seed_everything(args.seed)
            if arch == "lenet":
                model, epochs = LeNet(len(classes)), args.lenet_epochs
            elif arch == "alexnet":
                model = AlexNetStyle(len(classes), args.alexnet_width, args.alexnet_fc, args.alexnet_dropout)
                epochs = args.alexnet_epochs
            else:
                raise SystemExit(f"unknown model {arch}")
            name = f"teacher-{arch}-{tag}"
            print(f"== {name}: classes {classes}, {len(xtr)} train / {len(xte)} test, "
                  f"{common.count_params(model):,} parameters, {epochs} epochs", flush=True)
            t0 = time.time()
            log = common.train_classifier(model, xtr, tr_y, epochs, lr=args.lr, batch=args.batch,
                                          seed=args.seed, log_prefix="   ", schedule=args.schedule)
            seconds = time.time() - t0
            acc = common.evaluate(model, xte, te_y)
            path = os.path.join(args.out_dir, name + ".onnx")
            size = common.export_onnx(model, torch.zeros(1, 1, 28, 28), path, "image", "logits")
            rng = np.random.default_rng(args.seed)
            common.save_reference_io(os.path.join(args.ref_dir, name + ".ref.json"), model,
                                     xte[rng.choice(len(xte), 3, replace=False)], "image", "logits")
            print(f"   test accuracy {acc:.4f}; {seconds:.0f} s; wrote {common.rel(path)} ({size:,} bytes)", flush=True)
            arch_text, deviations = describe(arch, model, args)
            meta = {
                "name": name,
                "file": os.path.basename(path),
                "role": "knowledge-distillation teacher (arXiv:2311.13810)",
                "architecture_family": {"lenet": "LeNet", "alexnet": "AlexNet-style"}[arch],
                "architecture": arch_text,
                "input": {"name": "image", "shape": ["N", 1, 28, 28], "dtype": "float32",
                          "layout": "NCHW, grayscale, row-major 28x28 as in the IDX files"},
                "output": {"name": "logits", "shape": ["N", len(classes)], "dim": len(classes),
                           "dtype": "float32", "note": "raw logits (no softmax); index k is class classes[k]"},
                "normalisation": {"formula": "(pixel/255 - mean) / std",
                                  "mean": common.NORM_MEAN, "std": common.NORM_STD},
                "classes": classes,
                "class_names": [common.CLASS_NAMES[c] for c in classes],
                "test_accuracy": round(acc, 4),
                "test_images": int(len(xte)),
                "test_split": "t10k, restricted to these classes",
                "train_images": int(len(xtr)),
                **common.training_provenance(model, args, epochs, log, seconds, threads, size),
            }
            if deviations:
                meta["deviations_from_paper"] = deviations
            common.write_json(os.path.join(args.out_dir, name + ".json"), meta)
            summary.append((name, acc, seconds, size, common.count_params(model)))
    print(f"\ntotal {time.time() - t_all:.0f} s")
    for name, acc, seconds, size, params in summary:
        print(f"{name:24s} acc {acc:.4f}  {seconds:5.0f} s  {size:>9,} bytes  {params:>8,} params")


if __name__ == "__main__":
    main()
