"""Polynomials over Q in variables 0, 1, 2, ... (the parameter, then generators), as dicts
{exponent tuple (no trailing zeros): Fraction}; reduction modulo a generator's relation and
elimination of a generator by the Sylvester resultant.

Resultant (Sylvester 1840): for A, B in R[y] the determinant of their Sylvester matrix is in
the ideal (A, B), so it vanishes wherever A and B have a common root y.
"""
from fractions import Fraction

import flint


def _key(exps):
    exps = list(exps)
    while exps and exps[-1] == 0:
        exps.pop()
    return tuple(exps)


def const(c):
    return {(): Fraction(c)} if c else {}


def var(i):
    return {tuple([0] * i + [1]): Fraction(1)}


def add(a, b, scale=1):
    out = dict(a)
    for k, c in b.items():
        v = out.get(k, 0) + scale * c
        if v:
            out[k] = v
        else:
            out.pop(k, None)
    return out


def mul(a, b):
    out = {}
    for ka, ca in a.items():
        for kb, cb in b.items():
            n = max(len(ka), len(kb))
            k = _key(tuple((ka[i] if i < len(ka) else 0) + (kb[i] if i < len(kb) else 0) for i in range(n)))
            v = out.get(k, 0) + ca * cb
            if v:
                out[k] = v
            else:
                out.pop(k)
    return out


def power(a, n):
    out, base = const(1), a
    while n:
        if n & 1:
            out = mul(out, base)
        base = mul(base, base)
        n >>= 1
    return out


def constant_value(a):
    """The value of a constant polynomial, else None."""
    if not a:
        return Fraction(0)
    if list(a) == [()]:
        return a[()]
    return None


def coefficients(a, i):
    """[c0, c1, ...] with a = sum c_k * x_i^k, each c_k free of x_i."""
    out = []
    for k, c in a.items():
        e = k[i] if i < len(k) else 0
        while len(out) <= e:
            out.append({})
        rest = _key(k[:i] + (0,) + k[i + 1:]) if i < len(k) else k
        out[e][rest] = c
    return out


def from_coefficients(cs, i):
    out = {}
    for e, c in enumerate(cs):
        if c:
            out = add(out, mul(c, power(var(i), e)))
    return out


def uses(a, i):
    return any(i < len(k) and k[i] for k in a)


def univariate(a):
    """[c0, c1, ...] when only variable 0 occurs, else None."""
    out = []
    for k, c in a.items():
        if any(k[1:]):
            return None
        e = k[0] if k else 0
        while len(out) <= e:
            out.append(Fraction(0))
        out[e] = c
    return out


class Relation:
    """sum_k coefficients[k] * x_index^k = 0, each coefficient free of x_index (a generator's
    equation; the last coefficient, the leading one, is nonzero wherever it is used)."""

    def __init__(self, index, coefficients):
        self.index, self.coefficients = index, coefficients

    @property
    def degree(self):
        return len(self.coefficients) - 1


def reduce(a, relation):
    """A polynomial equal to lead^k * a wherever the relation holds, of degree below the
    relation's in its generator."""
    cs = coefficients(a, relation.index)
    rel, q = relation.coefficients, relation.degree
    lead = constant_value(rel[-1])
    while len(cs) > q:
        top, shift = cs[-1], len(cs) - 1 - q
        if lead is None:
            cs = [mul(c, rel[-1]) for c in cs]
            factor = top
        else:
            factor = {k: c / lead for k, c in top.items()}
        for k, r in enumerate(rel):
            cs[k + shift] = add(cs[k + shift], mul(factor, r), -1)
        cs.pop()
        while cs and not cs[-1]:
            cs.pop()
    return from_coefficients(cs, relation.index)


def resultant(a, relation):
    """Res_y(a, relation) with y = x_index: vanishes wherever a and the relation share a root y
    (python-flint's exact Sylvester resultant over Q)."""
    y = relation.index
    if not uses(a, y):
        return a
    b = from_coefficients(relation.coefficients, y)
    n = max(len(k) for k in list(a) + list(b))
    context = flint.fmpq_mpoly_ctx.get(("x", n), "lex")

    def to_flint(p):
        return context.from_dict({k + (0,) * (n - len(k)): flint.fmpq(c.numerator, c.denominator) for k, c in p.items()})

    r = to_flint(a).resultant(to_flint(b), "x%d" % y)
    return {_key(k): Fraction(int(c.p), int(c.q)) for k, c in r.to_dict().items()}
