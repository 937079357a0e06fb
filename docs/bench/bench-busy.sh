#!/bin/sh
# One bench run with a busy-loop neighbour on one core.
cd "$(dirname "$0")/../.."
sh -c 'while :; do :; done' &
loop=$!
dotnet run -c Release --no-build --project Host -- bench --repeats 3 --json "docs/bench/raw/$1-busy-$(date -u +%H%M%S).json" >> /tmp/$1-busy.log 2>&1
kill $loop
