"""The radical-field benchmarks of `scripts/bench.sh exact` done with FLINT (python-flint):
Arb balls at doubling precision until the sign is certain (what MarginCert's radical field
does with integer-root enclosures), and, for the degree-128 number, its minimal polynomial
factored by fmpz_poly (what the old composed-polynomial arithmetic needed).
Usage: python3 scripts/oracle/flint_radicals.py"""
import time
from flint import acb, arb, ctx, fmpq, fmpz_poly


def sign(build, q):
    prec = 64
    while True:
        ctx.prec = prec
        d = build() - arb(q)
        if d > 0:
            return 1, prec
        if d < 0:
            return -1, prec
        prec *= 2


def timed(f, repeat=200):
    start = time.perf_counter()
    for _ in range(repeat):
        r = f()
    return (time.perf_counter() - start) / repeat, r


def root(n, k):
    return arb(n) ** (arb(1) / k)


cases = [
    ("sqrt2 + cbrt3 + 5^(1/4) + 7^(1/6) + sqrt11 + cbrt13 vs its 30-digit truncation",
     lambda: root(2, 2) + root(3, 3) + root(5, 4) + root(7, 6) + root(11, 2) + root(13, 3),
     fmpq(11402858946246369804290833619293, 10**30)),
    ("2^(1/8) + 3^(1/16) vs a rational 8.3e-41 above",
     lambda: root(2, 8) + root(3, 16),
     fmpq(21615832157381721283302582904603589005595, 10**40)),
]
for label, build, q in cases:
    seconds, (s, prec) = timed(lambda: sign(build, q))
    print(f"{label}: Arb {seconds * 1e3:.3f} ms (sign {s}, {prec} bits)")

# The minimal polynomial of 2^(1/8) + 3^(1/16) (degree 128): the product of x − (ζ·2^(1/8) +
# ξ·3^(1/16)) over the 8th and 16th roots of unity ζ, ξ, expanded in 2000-bit complex balls;
# every coefficient is an integer, read off its ball (`unique_fmpz`).
ctx.prec = 2000
coefficients = [acb(1)]
for a in range(8):
    for b in range(16):
        z = acb.exp_pi_i(acb(2 * a) / 8) * acb(2) ** (acb(1) / 8) + acb.exp_pi_i(acb(2 * b) / 16) * acb(3) ** (acb(1) / 16)
        coefficients = [acb(0)] + coefficients
        for i in range(len(coefficients) - 1):
            coefficients[i] -= z * coefficients[i + 1]
p = fmpz_poly([c.real.unique_fmpz() for c in coefficients])
seconds, factors = timed(lambda: p.factor(), repeat=3)
print(f"factor the degree-{p.degree()} minimal polynomial of 2^(1/8) + 3^(1/16): FLINT {seconds:.3f} s, "
      f"{len(factors[1])} factor(s) of degrees {[f.degree() for f, _ in factors[1]]}")
