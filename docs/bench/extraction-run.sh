#!/bin/sh
# $1 = old|new, $2 = idle|busy: first extraction of 280 FashionMNIST images (200 train, 80 validation) (fresh cache), linear head, 1 epoch.
dll=./Host/bin/Release/net10.0/qtl.dll
[ "$1" = old ] && dll=OLD_CHECKOUT/Host/bin/Release/net10.0/qtl.dll
d=$(mktemp -d /tmp/qtl-bench.XXXXXX)
[ "$2" = busy ] && { sh -c 'while :; do :; done' & loop=$!; }
dotnet $dll train --data ./assets/fashion-mnist-subset --classes 0,6 --per-class 100 --heads linear --backend native --epochs 1 --cache-dir $d/cache --out $d/run >> /tmp/extract-$1-$2.log 2>&1
[ -n "$loop" ] && kill $loop
rm -rf $d
