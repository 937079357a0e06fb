"""Writes a tiny ResNet-shaped ONNX model with random weights, for tests of the
ResNet18 code path without the 45 MB file.

    /usr/bin/python3 tools/make_tiny_resnet.py [--out assets/models/tiny-resnet.onnx]
        [--features 16] [--seed 0]

Same interface as tools/export_resnet18.py's output: input "image" float32
[N,3,224,224] (dynamic N, ImageNet preprocessing), output "features" float32 [N,F]
(default F=16). Layout follows ResNet18 in miniature: stem conv 7x7 stride 2 + BN + ReLU,
maxpool 3x3 stride 2 (56x56), a BasicBlock at width 8, a BasicBlock at width F with
stride 2 and a 1x1 downsample shortcut (28x28), global average pool, flatten.
Random weights (seed); BN running statistics are set by a few forward passes over
seeded random inputs so that the eval-mode activations have a sensible scale.
The features mean nothing: this is a plumbing/test model only.
"""
from __future__ import annotations

import argparse
import os

import torch
import torch.nn as nn
from torchvision.models.resnet import BasicBlock

import common


class TinyResNet(nn.Module):
    def __init__(self, features=16, width=8):
        super().__init__()
        self.stem = nn.Sequential(
            nn.Conv2d(3, width, 7, stride=2, padding=3, bias=False), nn.BatchNorm2d(width), nn.ReLU(inplace=True),
            nn.MaxPool2d(3, stride=2, padding=1),
        )
        down = nn.Sequential(nn.Conv2d(width, features, 1, stride=2, bias=False), nn.BatchNorm2d(features))
        self.layer1 = BasicBlock(width, width)
        self.layer2 = BasicBlock(width, features, stride=2, downsample=down)
        self.pool = nn.AdaptiveAvgPool2d(1)

    def forward(self, x):
        x = self.layer2(self.layer1(self.stem(x)))
        return torch.flatten(self.pool(x), 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.MODELS_DIR, "tiny-resnet.onnx"))
    ap.add_argument("--features", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--ref-out", default="/tmp/qtl-onnx-check/tiny-resnet.ref.json")
    args = ap.parse_args()

    common.seed_everything(args.seed)
    model = TinyResNet(args.features)
    # Calibrate BN running stats on random "ImageNet-normalised" inputs.
    model.train()
    with torch.no_grad():
        for _ in range(5):
            model(torch.randn(8, 3, 224, 224))
    model.eval()
    size = common.export_onnx(model, torch.zeros(1, 3, 224, 224), args.out, "image", "features")
    print(f"wrote {args.out} ({size:,} bytes), {common.count_params(model):,} parameters")
    torch.manual_seed(args.seed + 1)
    common.save_reference_io(args.ref_out, model, torch.randn(2, 3, 224, 224).numpy(), "image", "features")
    common.write_json(os.path.splitext(args.out)[0] + ".json", {
        "name": "tiny-resnet",
        "file": os.path.basename(args.out),
        "purpose": "tests only: ResNet-shaped ONNX with RANDOM weights and the same input/output names "
                   "and layout as tools/export_resnet18.py's resnet18.onnx",
        "architecture": f"stem conv 7x7/2 (8ch) + BN + ReLU + maxpool 3x3/2, BasicBlock(8), "
                        f"BasicBlock(8->{args.features}, stride 2, 1x1 downsample), global average pool",
        "weights": f"random (seed {args.seed}); BN running stats from 5 forward passes of 8 N(0,1) images",
        "input": {"name": "image", "shape": ["N", 3, 224, 224], "dtype": "float32", "layout": "NCHW, RGB"},
        "output": {"name": "features", "shape": ["N", args.features], "dim": args.features, "dtype": "float32"},
        "preprocessing": {"name": "torchvision", "resize": 256, "center_crop": 224, "scale": "x/255",
                          "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
        "parameter_count": common.count_params(model),
        "onnx_opset": 13, "onnx_bytes": size,
        "seed": args.seed, "torch": torch.__version__,
        "command": common.command_line(),
    })


if __name__ == "__main__":
    main()
