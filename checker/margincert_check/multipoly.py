"""Polynomials over Q in variables 0, 1, 2, ... (the parameter, then generators): python-flint's
exact fmpq_mpoly in one context of VARIABLES variables; reduction modulo a generator's relation
and elimination of a generator by the Sylvester resultant.

Resultant (Sylvester 1840): for A, B in R[y] the determinant of their Sylvester matrix is in
the ideal (A, B), so it vanishes wherever A and B have a common root y.
"""
from fractions import Fraction

import flint

from .exact import NotCheckable, to_fmpq, to_fraction

VARIABLES = 32
CONTEXT = flint.fmpq_mpoly_ctx.get(("x", VARIABLES), "lex")


def const(c):
    return CONTEXT.constant(to_fmpq(Fraction(c)))


def var(i):
    if i >= VARIABLES:
        raise NotCheckable("more than %d parameters and generators" % (VARIABLES - 1))
    return CONTEXT.gen(i)


def constant_value(a):
    """The value of a constant polynomial, else None."""
    if a.is_zero():
        return Fraction(0)
    return to_fraction(a.leading_coefficient()) if a.is_constant() else None


def coefficients(a, i):
    """[c0, c1, ...] with a = sum c_k * x_i^k, each c_k free of x_i."""
    out = []
    for k, c in a.to_dict().items():
        while len(out) <= k[i]:
            out.append({})
        out[k[i]][k[:i] + (0,) + k[i + 1:]] = c
    return [CONTEXT.from_dict(c) for c in out]


def from_coefficients(cs, i):
    return sum((c * var(i) ** e for e, c in enumerate(cs)), const(0))


def uses(a, i):
    return a.degrees()[i] > 0


def univariate(a):
    """[c0, c1, ...] (Fractions) when only variable 0 occurs, else None."""
    if a.is_zero():
        return []
    if any(a.degrees()[1:]):
        return None
    out = [Fraction(0)] * (a.degrees()[0] + 1)
    for k, c in a.to_dict().items():
        out[k[0]] = to_fraction(c)
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
            cs = [c * rel[-1] for c in cs]
            factor = top
        else:
            factor = top / to_fmpq(lead)
        for k, r in enumerate(rel):
            cs[k + shift] = cs[k + shift] - factor * r
        cs.pop()
        while cs and cs[-1].is_zero():
            cs.pop()
    return from_coefficients(cs, relation.index)


def resultant(a, relation):
    """Res_y(a, relation) with y = x_index: vanishes wherever a and the relation share a root y
    (python-flint's exact Sylvester resultant)."""
    if not uses(a, relation.index):
        return a
    return a.resultant(from_coefficients(relation.coefficients, relation.index), "x%d" % relation.index)
