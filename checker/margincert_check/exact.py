"""Exact univariate polynomials over Q, Sturm root counting, and real algebraic numbers.

A polynomial is a list of Fractions, constant term first, without trailing zeros ([] is 0).
A real algebraic number is a square-free polynomial with exactly one root in a closed interval
[lo, hi] with rational ends, verified by Sturm's theorem when it is read (Sturm 1829: for a
square-free p and a < b not roots of p, the number of real roots of p in (a, b) equals
V(a) - V(b), V the number of sign changes of the Sturm sequence p, p', -rem(p, p'), ...).
"""
from fractions import Fraction

import flint


class Rejected(Exception):
    """The certificate is wrong: what it states does not hold, or it is malformed."""


class NotCheckable(Exception):
    """The certificate may be right, but this checker cannot re-verify it."""


def rational(text):
    if not isinstance(text, str):
        raise Rejected("malformed number %r" % (text,))
    try:
        return Fraction(text)
    except (ValueError, ZeroDivisionError):
        raise Rejected("malformed number %r" % (text,))


def evaluate(p, x):
    value = Fraction(0)
    for c in reversed(p):
        value = value * x + c
    return value


def _flint(p):
    return flint.fmpq_poly([flint.fmpq(c.numerator, c.denominator) for c in p])


def to_fraction(c):
    """A python-flint rational as a Fraction."""
    return Fraction(int(c.p), int(c.q))


def to_fmpq(x):
    """A Fraction (or an int) as a python-flint rational."""
    return flint.fmpq(x.numerator, x.denominator)


def _square_free(f):
    return f // f.gcd(f.derivative()) if f.degree() > 0 else f


def square_free(p):
    """The square-free part p / gcd(p, p') (python-flint's exact gcd and division over Q)."""
    return [to_fraction(c) for c in _square_free(_flint(p)).coeffs()]


def gcd(a, b):
    """The monic greatest common divisor ([] when both are 0)."""
    return [to_fraction(c) for c in _flint(a).gcd(_flint(b)).coeffs()]


def _sign(x):
    return (x > 0) - (x < 0)


def _sign_changes(sequence, x):
    """Sign changes of the sequence at x (None: -inf, 'inf': +inf)."""
    signs = []
    for p in sequence:
        if x is None:
            s = _sign(p.leading_coefficient()) * (-1) ** p.degree()
        elif x == "inf":
            s = _sign(p.leading_coefficient())
        else:
            s = _sign(p(to_fmpq(x)))
        if s:
            signs.append(s)
    return sum(1 for u, v in zip(signs, signs[1:]) if u != v)


def count_open(p, a, b):
    """Distinct real roots of p in the open interval (a, b); a = None is -inf, b = None is +inf."""
    f = _square_free(_flint(p))
    if f.is_zero():
        raise NotCheckable("root count of the zero polynomial")
    for end in (a, b):
        if end is not None and f.degree() > 0 and f(to_fmpq(end)) == 0:
            f = f // flint.fmpq_poly([-to_fmpq(end), 1])
    if f.degree() <= 0:
        return 0
    sequence = [f, f.derivative()]
    while True:
        r = sequence[-2] % sequence[-1]
        if r.is_zero():
            break
        sequence.append(-r)
    return _sign_changes(sequence, a) - _sign_changes(sequence, "inf" if b is None else b)


def count_closed(p, a, b):
    """Distinct real roots of p in [a, b], a <= b rational."""
    if a == b:
        return int(evaluate(p, a) == 0)
    return count_open(p, a, b) + int(evaluate(p, a) == 0) + int(evaluate(p, b) == 0)


def is_root(p, c):
    """Whether the algebraic number c is a root of p: a common root of p and c's polynomial
    lies in c's isolating interval."""
    common = gcd(p, c.poly)
    return len(common) > 1 and count_closed(common, c.lo, c.hi) == 1


class Algebraic:
    """The only root of a square-free rational polynomial in [lo, hi] (checked on reading)."""

    def __init__(self, poly, lo, hi):
        poly = square_free(poly)
        if len(poly) < 2 or lo > hi:
            raise Rejected("not an isolating interval: polynomial %s on [%s, %s]" % (poly, lo, hi))
        n = count_closed(poly, lo, hi)
        if n != 1:
            raise Rejected("the polynomial %s has %d roots in [%s, %s], not exactly one" % (show(poly), n, lo, hi))
        self.poly, self.lo, self.hi = poly, lo, hi
        self.key = "root of %s in [%s, %s]" % (show(poly), lo, hi)
        for end in (lo, hi):
            if evaluate(poly, end) == 0:
                self.lo = self.hi = end

    @property
    def is_rational(self):
        return self.lo == self.hi

    def refine(self, width):
        """Bisects (by the sign of the polynomial) until hi - lo <= width."""
        while self.hi - self.lo > width:
            m = (self.lo + self.hi) / 2
            s = evaluate(self.poly, m)
            if s == 0:
                self.lo = self.hi = m
            elif _sign(s) == _sign(evaluate(self.poly, self.lo)):
                self.lo = m
            else:
                self.hi = m
        return self.lo, self.hi

    def __repr__(self):
        return self.key


def number(value):
    """A certificate's exact number: "p/q" or {"root_of": [...], "in": [lo, hi]}."""
    if isinstance(value, dict):
        try:
            poly = [rational(c) for c in value["root_of"]]
            lo, hi = (rational(x) for x in value["in"])
        except (KeyError, TypeError, ValueError):
            raise Rejected("malformed algebraic number %r" % (value,))
        a = Algebraic(poly, lo, hi)
        return a.lo if a.is_rational else a
    return rational(value)


def compare(a, b):
    """-1, 0, 1: the order of two exact numbers (Fractions or Algebraic). Equal when the
    intervals meet at a common root of both polynomials (each isolates its number)."""
    if not isinstance(a, Algebraic) and not isinstance(b, Algebraic):
        return _sign(a - b)
    pa = a.poly if isinstance(a, Algebraic) else [-a, Fraction(1)]
    pb = b.poly if isinstance(b, Algebraic) else [-b, Fraction(1)]
    common = gcd(pa, pb)
    width = Fraction(1)
    for _ in range(64):
        (alo, ahi), (blo, bhi) = interval(a, width), interval(b, width)
        if ahi < blo or bhi < alo:
            return 1 if bhi < alo else -1
        if len(common) > 1 and count_closed(common, max(alo, blo), min(ahi, bhi)) >= 1:
            return 0
        width /= 1 << 16
    raise NotCheckable("cannot order %r and %r" % (a, b))


def interval(x, width):
    """An enclosure [lo, hi] of x of width <= width."""
    return x.refine(width) if isinstance(x, Algebraic) else (x, x)


def show(p):
    return "[" + ", ".join(str(c) for c in p) + "]"
