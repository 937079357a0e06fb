#!/bin/bash
# Queues the shard array, then the merge with afterok: the merge starts only when every shard succeeded.
set -euo pipefail
mkdir -p logs
array=$(sbatch --parsable docs/cluster/benchmark-shards.slurm)
sbatch --dependency=afterok:"$array" docs/cluster/benchmark-merge.slurm
