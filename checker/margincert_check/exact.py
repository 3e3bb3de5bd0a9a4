"""Exact univariate polynomials over Q, Sturm root counting, and real algebraic numbers.

A polynomial is a list of Fractions, constant term first, without trailing zeros ([] is 0).
A real algebraic number is a square-free polynomial with exactly one root in a closed interval
[lo, hi] with rational ends, verified by Sturm's theorem when it is read (Sturm 1829: for a
square-free p and a < b not roots of p, the number of real roots of p in (a, b) equals
V(a) - V(b), V the number of sign changes of the Sturm sequence p, p', -rem(p, p'), ...).
"""
from fractions import Fraction


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


def trim(p):
    p = list(p)
    while p and p[-1] == 0:
        p.pop()
    return p


def evaluate(p, x):
    value = Fraction(0)
    for c in reversed(p):
        value = value * x + c
    return value


def derivative(p):
    return trim([k * p[k] for k in range(1, len(p))])


def divmod_poly(a, b):
    a, b = trim(a), trim(b)
    if not b:
        raise ZeroDivisionError("polynomial division by 0")
    q = [Fraction(0)] * max(len(a) - len(b) + 1, 0)
    while len(a) >= len(b) and a:
        factor = a[-1] / b[-1]
        shift = len(a) - len(b)
        q[shift] = factor
        a = trim([a[i] - (factor * b[i - shift] if i >= shift else 0) for i in range(len(a) - 1)])
    return trim(q), a


def gcd(a, b):
    a, b = trim(a), trim(b)
    while b:
        a, b = b, divmod_poly(a, b)[1]
    return [c / a[-1] for c in a] if a else []


def square_free(p):
    p = trim(p)
    if len(p) <= 1:
        return p
    return divmod_poly(p, gcd(p, derivative(p)))[0]


def _sign(x):
    return (x > 0) - (x < 0)


def _sign_changes(sequence, x):
    """Sign changes of the sequence at x (None: -inf, 'inf': +inf)."""
    signs = []
    for p in sequence:
        if x is None:
            s = _sign(p[-1]) * (-1) ** (len(p) - 1)
        elif x == "inf":
            s = _sign(p[-1])
        else:
            s = _sign(evaluate(p, x))
        if s:
            signs.append(s)
    return sum(1 for u, v in zip(signs, signs[1:]) if u != v)


def count_open(p, a, b):
    """Distinct real roots of p in the open interval (a, b); a = None is -inf, b = None is +inf."""
    p = square_free(p)
    if not p:
        raise NotCheckable("root count of the zero polynomial")
    for end in (a, b):
        if end is not None and len(p) > 1 and evaluate(p, end) == 0:
            p = divmod_poly(p, [-end, Fraction(1)])[0]
    if len(p) <= 1:
        return 0
    sequence = [p, derivative(p)]
    while True:
        r = divmod_poly(sequence[-2], sequence[-1])[1]
        if not r:
            break
        sequence.append([-c for c in r])
    return _sign_changes(sequence, a) - _sign_changes(sequence, "inf" if b is None else b)


def count_closed(p, a, b):
    """Distinct real roots of p in [a, b], a <= b rational."""
    if a == b:
        return int(evaluate(p, a) == 0)
    return count_open(p, a, b) + int(evaluate(p, a) == 0) + int(evaluate(p, b) == 0)


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
            poly = trim([rational(c) for c in value["root_of"]])
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
        if ahi < blo:
            return -1
        if bhi < alo:
            return 1
        if len(common) > 1 and count_closed(common, max(alo, blo), min(ahi, bhi)) >= 1:
            return 0
        width /= 1 << 16
    raise NotCheckable("cannot order %r and %r" % (a, b))


def interval(x, width):
    """An enclosure [lo, hi] of x of width <= width."""
    return x.refine(width) if isinstance(x, Algebraic) else (x, x)


def show(p):
    return "[" + ", ".join(str(c) for c in p) + "]"
