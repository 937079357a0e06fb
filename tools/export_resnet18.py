"""Exports torchvision's ResNet18 without its classifier (fc -> Identity) to ONNX.

    /usr/bin/python3 tools/export_resnet18.py [--out runs/models/resnet18.onnx] [--weights-file PATH.pth]
        [--random] [--seed 0]

ONNX: input "image" float32 [N,3,224,224] (dynamic N), RGB, preprocessed with the
torchvision recipe (resize 256, centre-crop 224, x/255, ImageNet mean
[0.485,0.456,0.406] / std [0.229,0.224,0.225] per channel); output "features" float32
[N,512] (global-average-pooled layer4 activations, before the removed fc layer).

Weights: ImageNet (`IMAGENET1K_V1`) from --weights-file, or torchvision's cache
(~/.cache/torch/hub/checkpoints/resnet18-f37072fd.pth), or a download. When none of
these works (no internet here) it falls back to RANDOM weights (seed --seed) and says
so loudly; random-weight features are only good for plumbing tests, not for transfer
learning. The file is about 45 MB: do not commit it (the default output,
runs/models/resnet18.onnx, is outside assets/ and git-ignored). A metadata .json is written next to it, recording which
weights were used.
"""
from __future__ import annotations

import argparse
import os
import socket
import sys
import time

import torch
import torch.nn as nn
import torchvision

import common

IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def load_model(args):
    """Returns (model, weights_description, pretrained: bool)."""
    if args.random:
        torch.manual_seed(args.seed)
        return torchvision.models.resnet18(weights=None), f"random (requested, seed {args.seed})", False
    if args.weights_file:
        model = torchvision.models.resnet18(weights=None)
        state = torch.load(args.weights_file, map_location="cpu")
        model.load_state_dict(state)
        return model, f"ImageNet from {args.weights_file}", True
    socket.setdefaulttimeout(args.timeout)
    try:
        weights = torchvision.models.ResNet18_Weights.IMAGENET1K_V1
        model = torchvision.models.resnet18(weights=weights)
        return model, "ImageNet IMAGENET1K_V1 (torchvision)", True
    except Exception as e:  # no network, no cache
        bar = "!" * 78
        print(f"\n{bar}\nWARNING: could not get the ImageNet weights for ResNet18:\n  {type(e).__name__}: {e}\n"
              f"Falling back to RANDOM weights (seed {args.seed}). The exported model has the right\n"
              f"shape and names but its features are NOT pretrained: fine for plumbing tests,\n"
              f"useless for transfer learning. Put resnet18-f37072fd.pth in\n"
              f"~/.cache/torch/hub/checkpoints/ or pass --weights-file to export the real one.\n{bar}\n",
              file=sys.stderr, flush=True)
        torch.manual_seed(args.seed)
        return torchvision.models.resnet18(weights=None), f"RANDOM (seed {args.seed}; ImageNet weights unavailable: {type(e).__name__})", False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(common.REPO_ROOT, "runs", "models", "resnet18.onnx"),
                    help="default runs/models/resnet18.onnx (runs/ is git-ignored)")
    ap.add_argument("--weights-file", default=None, help="a local resnet18 ImageNet state_dict (.pth)")
    ap.add_argument("--random", action="store_true", help="skip the ImageNet weights on purpose")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=20.0, help="network timeout (s) for the download attempt")
    ap.add_argument("--ref-out", default="/tmp/qtl-onnx-check/resnet18.ref.json")
    args = ap.parse_args()

    t0 = time.time()
    model, weights_text, pretrained = load_model(args)
    model.fc = nn.Identity()
    model.eval()
    size = common.export_onnx(model, torch.zeros(1, 3, 224, 224), args.out, "image", "features")
    print(f"wrote {common.rel(args.out)} ({size:,} bytes) with weights: {weights_text}")
    torch.manual_seed(args.seed)
    common.save_reference_io(args.ref_out, model, torch.randn(2, 3, 224, 224).numpy(), "image", "features")
    common.write_json(os.path.splitext(args.out)[0] + ".json", {
        "name": "resnet18",
        "file": os.path.basename(args.out),
        "architecture": "torchvision resnet18 with fc replaced by Identity",
        "weights": weights_text,
        "pretrained": pretrained,
        "input": {"name": "image", "shape": ["N", 3, 224, 224], "dtype": "float32", "layout": "NCHW, RGB"},
        "output": {"name": "features", "shape": ["N", 512], "dim": 512, "dtype": "float32"},
        "preprocessing": {"name": "torchvision", "resize": 256, "center_crop": 224, "scale": "x/255",
                          "mean": IMAGENET_MEAN, "std": IMAGENET_STD},
        "parameter_count": common.count_params(model),
        "onnx_opset": 13, "onnx_bytes": size,
        "seconds": round(time.time() - t0, 1),
        "seed": args.seed, "torch": torch.__version__, "torchvision": torchvision.__version__,
        "command": common.command_line(),
    })


if __name__ == "__main__":
    main()
