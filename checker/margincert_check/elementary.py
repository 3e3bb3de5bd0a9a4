"""Rigorous enclosures of exp and log at rational points by Arb's ball arithmetic (python-flint):
Arb returns a ball guaranteed to contain the exact value (Johansson 2017, "Arb: efficient
arbitrary-precision midpoint-radius interval arithmetic"); its ends are exact binary rationals,
read here as Fractions."""
from fractions import Fraction

import flint


def _enclosure(function, x, bits):
    with flint.ctx.workprec(bits + 16):  # the ends too are rounded (outwards) at this precision
        ball = getattr(flint.arb(flint.fmpq(x.numerator, x.denominator)), function)()
        return tuple(Fraction(int(m)) * Fraction(2) ** int(e) for m, e in (ball.lower().man_exp(), ball.upper().man_exp()))


def exp_bounds(r, bits):
    """lo <= exp(r) <= hi for a Fraction r."""
    return _enclosure("exp", r, bits)


def log_bounds(x, bits):
    """lo <= log(x) <= hi for a Fraction x > 0."""
    return _enclosure("log", x, bits)
