#!/bin/sh
cd "$(dirname "$0")/../.."
exec dotnet run -c Release --no-build --project Host -- bench --repeats 3 --json "docs/bench/raw/$1-idle-$(date -u +%H%M%S).json" >> /tmp/$1-idle.log 2>&1
