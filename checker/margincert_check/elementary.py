"""Rigorous enclosures of exp and log at rational points, in exact rationals.

exp(r): r = s * 2^k with |s| <= 1/2; the Taylor sum of exp(s) to N terms has remainder at most
2 |s|^(N+1) / (N+1)! (Lagrange, since exp(|s|) < 2); then k squarings. log(x): a candidate
l from floating point refined by Newton steps, accepted only when exp(l - d) <= x <= exp(l + d)
is verified with the enclosures above (exp is increasing)."""
import math
from fractions import Fraction


def _round(x, bits, up):
    scaled = x * (1 << bits)
    n = -((-scaled.numerator) // scaled.denominator) if up else scaled.numerator // scaled.denominator
    return Fraction(n, 1 << bits)


def exp_bounds(r, bits):
    """lo <= exp(r) <= hi for a Fraction r."""
    k = 0
    while abs(r) > Fraction(1, 2):
        r /= 2
        k += 1
    work = bits + 2 * k + 16
    total, term, n = Fraction(1), Fraction(1), 0
    while True:
        n += 1
        term = _round(term * r / n, work, term * r < 0)  # towards 0
        total += term
        if abs(term) < Fraction(1, 1 << work):
            break
    error = 2 * abs(term) + Fraction(n + 2, 1 << work)
    lo, hi = max(total - error, Fraction(1, 1 << work)), total + error
    for _ in range(k):
        lo, hi = _round(lo * lo, work, False), _round(hi * hi, work, True)
    return lo, hi


def log_bounds(x, bits):
    """lo <= log(x) <= hi for a Fraction x > 0."""
    shift = x.numerator.bit_length() - x.denominator.bit_length()
    l = Fraction(math.log(float(x / Fraction(2) ** shift)) + shift * math.log(2))
    for _ in range(8):
        d = Fraction(1, 1 << bits)
        if exp_bounds(l - d, bits + 8)[1] <= x <= exp_bounds(l + d, bits + 8)[0]:
            return l - d, l + d
        lo, hi = exp_bounds(l, bits + 8)
        l = _round(l + (x - lo) / hi, bits + 8, False)
    raise ArithmeticError("log enclosure did not converge")
