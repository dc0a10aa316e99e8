#!/usr/bin/env bash
# Training-plan optimiser benchmark (issue 4): kompeten plan solve vs HiGHS.
#   bench/plan/run.sh                                  # city and province, HiGHS 600 s each (~25 min)
#   bench/plan/run.sh --scales city --highs-time-limit 60   # a quick check
#   bench/plan/run.sh --scales city,province,national       # + national slice (ours only, ~10 min more)
set -euo pipefail
cd "$(dirname "$0")/../.."
python3 -c 'import highspy' 2>/dev/null || python3 -m pip install --quiet highspy
cargo build --release -p kompeten-cli
exec python3 bench/plan/bench.py "$@"
