#!/usr/bin/env bash
# Reproductions of issue 6 (gradient flow) with margincert: evidence, not proofs.
# Usage: examples/run.sh [--quick] [margincert binary]
#   --quick: small sample sizes for CI (seconds); without it the full sizes (10⁶ draws, 100 runs).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false
if [ "${1:-}" = --quick ]; then quick=true; shift; fi
bin=${1:-.build/release/margincert}
out=${OUT:-/tmp/margincert-examples}
if $quick; then draws=10000 runs=10; else draws=1000000 runs=100; fi
# The SVG figures: examples/figures (committed; a full run regenerates them), or $out for --quick.
if $quick; then figures=${FIGURES:-$out}; else figures=${FIGURES:-examples/figures}; fi
mkdir -p "$out" "$figures"

echo "== flow claims (Thm 3.2 and Thm 5.1 (m = 3) to direction error < 1e-6; Vardi, Shamir, Srebro (ICLR 2022 submission) Thm 6.1; Lyu, Li, Wang, Arora (2021) Thm 6.2)"
"$bin" check --no-times examples/vss-thm3.2-flow.proof examples/vss-thm5.1-m3-flow.proof examples/vss-004-thm6.1-flow.proof \
    examples/llwa-thm6.2-flow.proof || true

echo "== Lyu, Li, Wang, Arora (2021) Thm 6.2: the margin reached, compared with the witness W of proofs/llwa-def6.1.proof"
"$bin" simulate examples/llwa-thm6.2-flow.proof --compare W || true

echo "== Lemma C.6, Thms 4.1, 4.2(2), 4.4 (ReLU) from their stated inits, to direction error < 1e-6"
for f in vss-thm4.3-lemmaC6 vss-thm4.1-relu vss-thm4.2-part2 vss-thm4.4-relu; do
    "$bin" simulate "proofs/$f.proof" --tolerance 1e-6 || true
done

echo "== experiments as files: Timor, Vardi, Shamir §3.1 (288 runs × 3·10⁶ GD steps, then the flow), and a depth-3 leaky-ReLU fit"
if $quick; then
    "$bin" experiment examples/experiments/tvs-sec3.1-stable-ranks.proof --runs 32 --steps 300000 --histogram "$out/tvs-sec3.1.svg"
else
    "$bin" experiment examples/experiments/tvs-sec3.1-stable-ranks.proof --histogram "$figures/tvs-sec3.1-stable-ranks.svg" \
        --csv "$out/tvs-sec3.1.csv"
fi
"$bin" experiment examples/experiments/leaky-depth3-square-gd.proof

echo "== Thm 3.2 from its valid init, exponential and logistic loss (plots in $figures)"
"$bin" simulate examples/vss-thm3.2-flow.proof --plot "$figures/thm32-flows.svg" --trajectory "$figures/thm32-neuron-paths.svg" \
    --csv "$out/thm32.csv"   # one CSV per flow: thm32-gf.csv, thm32-lgf.csv

echo "== Thm 3.2's hypotheses under Xavier init: $draws draws"
"$bin" simulate examples/vss-thm3.2-flow.proof --flow gf --runs "$draws" --seed 2022 --init xavier --region-of init

echo "== Thm 3.2 from $runs seeded Gaussian (1e-3) perturbations of its init"
"$bin" simulate examples/vss-thm3.2-flow.proof --flow gf --runs "$runs" --seed 2022 --init 'perturb(1e-3)' \
    --out "$out/thm32-perturbations.json"

# The stated inits of these theorems are symmetric: where do perturbed runs end? (Robustness,
# e.g. Remark 3.2.)
for f in proofs/vss-thm4.3-lemmaC6 proofs/vss-thm4.1-relu proofs/vss-thm4.2-part2 proofs/vss-thm4.4-relu \
         examples/vss-thm5.1-m3-flow proofs/llwa-thm5.5; do
    echo "== $f.proof from $runs seeded Gaussian (1e-3) perturbations of its init, tolerance 1e-6"
    # Thm 4.2(2)'s perturbed runs leave θ̃ and cross kinks slowly: a budget of 5000 steps says where they go.
    budget=(); [ "$f" = proofs/vss-thm4.2-part2 ] && budget=(--steps 5000)
    "$bin" simulate "$f.proof" --runs "$runs" --seed 2022 --init 'perturb(1e-3)' --tolerance 1e-6 "${budget[@]}" \
        --out "$out/$(basename "$f")-perturbations.json" || true
done
