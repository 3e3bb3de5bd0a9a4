"""Expressions of a certificate (prefix arrays, docs/certificates.md): validation, rigorous
interval enclosures, exact zero tests, and conversion to polynomials in the parameter and
generators (radicals and algebraic constants, each with its equation).
"""
from fractions import Fraction

import flint

from . import multipoly as mp
from .elementary import exp_bounds, log_bounds
from .exact import Algebraic, NotCheckable, Rejected, compare, interval, number

ARITY = {"num": 1, "var": 1, "relu": 1, "abs": 1, "max": 2, "min": 2, "lrelu": 2, "pow": 2, "exp": 1, "log": 1}


class Undefined(Exception):
    """The expression is not defined at the point (an even root of a negative number, 1/0)."""


def parse(e):
    """Validates an expression; numbers become Fractions or Algebraic."""
    if not isinstance(e, list) or not e or not isinstance(e[0], str):
        raise Rejected("malformed expression %r" % (e,))
    op, args = e[0], e[1:]
    if op in ("add", "mul"):
        if not args:
            raise Rejected("empty %s" % op)
        return [op] + [parse(a) for a in args]
    if op not in ARITY or len(args) != ARITY[op]:
        raise Rejected("malformed expression %r" % (e,))
    if op == "num":
        return [op, number(args[0])]
    if op == "var":
        if not isinstance(args[0], str):
            raise Rejected("malformed variable %r" % (args[0],))
        return e
    if op == "lrelu":
        return [op, number(args[0]), parse(args[1])]
    return [op] + [parse(a) for a in args]


def children(e):
    """The subexpressions directly below e (lrelu's slope is a number, not one)."""
    return [] if e[0] in ("num", "var") else e[2:] if e[0] == "lrelu" else e[1:]


def rebuilt(e, below):
    """e with its children replaced by `below`."""
    return e if e[0] in ("num", "var") else [e[0]] + ([e[1]] if e[0] == "lrelu" else []) + list(below)


def subexpressions(e):
    """Every subexpression of e, e included, inner ones first."""
    for child in children(e):
        yield from subexpressions(child)
    yield e


def substituted(e, env):
    """e with each variable replaced by its exact value (algebraic values become constants, so
    several of them are generators of one field) or by its expression (a parsed list)."""
    if e[0] == "var":
        value = env.get(e[1], e)
        return value if isinstance(value, list) else ["num", value]
    return rebuilt(e, [substituted(a, env) for a in children(e)])


def uses(e, name):
    return e == ["var", name] or any(uses(child, name) for child in children(e))


def text(e):
    """A readable form of a parsed expression, for the checker's messages."""
    op = e[0]
    if op == "num":
        return str(e[1]) if not isinstance(e[1], Algebraic) else "(%r)" % (e[1],)
    if op == "var":
        return e[1]
    if op in ("add", "mul"):
        return "(" + (" + " if op == "add" else "*").join(text(a) for a in e[1:]) + ")"
    if op == "pow":
        return "%s^%s" % (text(e[1]), text(e[2]))
    if op == "lrelu":
        return "lrelu(%s, %s)" % (e[1], text(e[2]))
    return "%s(%s)" % (op, ", ".join(text(a) for a in e[1:]))


def difference(lhs, rhs):
    return ["add", lhs, ["mul", ["num", Fraction(-1)], rhs]]


def exponent(e):
    """The rational exponent of a power; a symbolic one is not checkable here."""
    if e[0] == "num" and not isinstance(e[1], Algebraic):
        return e[1]
    raise NotCheckable("a power with a non-rational exponent")


def kink_argument(e):
    if e[0] in ("relu", "abs"):
        return e[1]
    if e[0] == "lrelu":
        return e[2]
    if e[0] in ("max", "min"):
        return difference(e[1], e[2])
    return None


def on_branch(e, below, up):
    """The kink e (children replaced by `below`) on one branch: `up` is the branch for a
    positive argument."""
    op, a = e[0], below
    if op == "relu":
        return a[0] if up else ["num", Fraction(0)]
    if op == "lrelu":
        return a[0] if up else ["mul", ["num", e[1]], a[0]]
    if op == "abs":
        return a[0] if up else ["mul", ["num", Fraction(-1)], a[0]]
    return a[0] if up == (op == "max") else a[1]


def targets(e, out):
    """Every function whose sign change could change the claim's truth or definedness: kink
    arguments, radicands of even roots, bases of negative powers and logarithms' arguments
    (appended to `out`)."""
    for s in subexpressions(e):
        found = [kink_argument(s)] if s[0] not in ("num", "var") else []
        if s[0] == "pow" and (exponent(s[2]).denominator % 2 == 0 or exponent(s[2]) < 0) or s[0] == "log":
            found.append(s[1])
        out += [t for t in found if t is not None and t not in out]
    return out


def sign_relevant(functions):
    """The functions and their targets, each once: what must keep its sign on a cell."""
    out = []
    for f in functions:
        out += [t for t in targets(f, [f]) if t not in out]
    return out


# Rigorous enclosures: intervals [lo, hi] of Fractions.

def _root_bounds(x, q, bits):
    """lo <= x^(1/q) <= hi for a Fraction x >= 0, with hi - lo <= 2^-bits."""
    scaled = x * (1 << (bits * q))
    r = integer_root(scaled.numerator // scaled.denominator, q)
    return Fraction(r, 1 << bits), Fraction(r + 1, 1 << bits)


def _root(lo, hi, q, bits):
    if lo >= 0:
        return _root_bounds(lo, q, bits)[0], _root_bounds(hi, q, bits)[1]
    if q % 2 == 0:
        if hi < 0:
            raise Undefined()
        raise NotCheckable("unsettled")
    if hi <= 0:
        a, b = _root(-hi, -lo, q, bits)
        return -b, -a
    return -_root_bounds(-lo, q, bits)[1], _root_bounds(hi, q, bits)[1]


def _ipow(lo, hi, n):
    if n % 2 == 1 or lo >= 0:
        return lo ** n, hi ** n
    if hi <= 0:
        return hi ** n, lo ** n
    return Fraction(0), max(lo ** n, hi ** n)


def _mul(a, b):
    products = [a[0] * b[0], a[0] * b[1], a[1] * b[0], a[1] * b[1]]
    return min(products), max(products)


class Unsettled(Exception):
    """An enclosure at this precision does not settle a division or a root."""


def enclose(e, env, bits):
    """An interval containing the value of e with parameters at `env` (Fractions or Algebraic)."""
    op = e[0]
    width = Fraction(1, 1 << bits)
    if op == "num":
        return interval(e[1], width)
    if op == "var":
        if e[1] not in env:
            raise NotCheckable("the parameter %s has no value" % e[1])
        return interval(env[e[1]], width)
    if op == "add":
        parts = [enclose(a, env, bits) for a in e[1:]]
        return sum(p[0] for p in parts), sum(p[1] for p in parts)
    if op == "mul":
        value = (Fraction(1), Fraction(1))
        for a in e[1:]:
            value = _mul(value, enclose(a, env, bits))
        return value
    if op == "pow":
        r = exponent(e[2])
        lo, hi = enclose(e[1], env, bits)
        try:
            if r.denominator > 1:
                lo, hi = _root(lo, hi, r.denominator, bits + 8)
        except NotCheckable:
            raise Unsettled()
        lo, hi = _ipow(lo, hi, abs(r.numerator))
        if r < 0:
            if lo == hi == 0:
                raise Undefined()
            if lo <= 0 <= hi:
                raise Unsettled()
            lo, hi = 1 / hi, 1 / lo
        return lo, hi
    if op == "exp":
        lo, hi = enclose(e[1], env, bits)
        return exp_bounds(lo, bits)[0], exp_bounds(hi, bits)[1]
    if op == "log":
        lo, hi = enclose(e[1], env, bits)
        if hi <= 0:
            raise Undefined()
        if lo <= 0:
            raise Unsettled()
        return log_bounds(lo, bits)[0], log_bounds(hi, bits)[1]
    if op == "lrelu":
        # Linear on each side of 0, so the extremes are at the ends or at 0 (any slope).
        lo, hi = enclose(e[2], env, bits)
        values = [x if x >= 0 else e[1] * x for x in (lo, hi)] + ([Fraction(0)] if lo <= 0 <= hi else [])
        return min(values), max(values)
    lo, hi = enclose(e[1], env, bits)
    if op == "relu":
        return max(lo, 0), max(hi, 0)
    if op == "abs":
        return (min(abs(lo), abs(hi)) if lo * hi > 0 else Fraction(0)), max(abs(lo), abs(hi))
    lo2, hi2 = enclose(e[2], env, bits)
    return (max(lo, lo2), max(hi, hi2)) if op == "max" else (min(lo, lo2), min(hi, hi2))


# Exact conversion to polynomials.

def integer_root(n, q):
    """The floor of n^(1/q) for an integer n >= 0 (python-flint, exact)."""
    return int(flint.fmpz(n).root(q))


def square_part(m):
    """(k, s) with m = k^2 * s and s free of squares of primes below 10^4."""
    k, p = 1, 2
    while p * p <= m and p < 10000:
        while m % (p * p) == 0:
            m //= p * p
            k *= p
        p += 1 if p == 2 else 2
    return k, m


class Context:
    """Variable 0 is the parameter `free` (a range's variable) or, at an algebraic point, a
    generator with its polynomial; over a plane, variable 1 is the `second` parameter (a slot
    with no relation); radicals b^(1/q) and algebraic constants become the next generators with
    their relations. `branch(k)` is the sign of kink argument k (-1, 0, 1)."""

    def __init__(self, env, branch, free=None, second=None):
        self.env, self.branch, self.free, self.second = env, branch, free, second
        self.relations, self.generators, self.constants = [], {}, []
        if second is not None:
            self.generators[("parameter", second)] = 1
        for name, value in env.items():
            if isinstance(value, Algebraic):
                if self.relations:
                    raise NotCheckable("more than one algebraic parameter value")
                self.free = name
                self.relations.append(mp.Relation(0, [mp.const(c) for c in value.poly]))

    def _generator(self, key, coefficients):
        if key not in self.generators:
            index = len(self.generators) + 1
            self.generators[key] = index
            self.relations.append(mp.Relation(index, coefficients))
        return mp.var(self.generators[key])

    def fraction(self, e):
        """(P, Q): e = P/Q at the true values of the generators, wherever e is defined."""
        op = e[0]
        one = mp.const(1)
        if op == "num":
            if isinstance(e[1], Algebraic):
                return self.algebraic(e[1]), one
            return mp.const(e[1]), one
        if op == "var":
            if e[1] in (self.free, self.second):
                return mp.var(0 if e[1] == self.free else 1), one
            if e[1] in self.env:
                return mp.const(self.env[e[1]]), one
            raise NotCheckable("the parameter %s has no value" % e[1])
        if op in ("add", "mul"):
            p, q = self.fraction(e[1])
            for a in e[2:]:
                p2, q2 = self.fraction(a)
                if op == "mul":
                    p, q = p * p2, q * q2
                elif q == q2:
                    p = p + p2
                else:
                    p, q = p * q2 + p2 * q, q * q2
            return p, q
        if op == "pow":
            r = exponent(e[2])
            p, q = self.fraction(e[1])
            base = mp.constant_value(p), mp.constant_value(q)
            if r.denominator > 1 and None not in base:
                p, q = self.rational_root(base[0] / base[1], r.denominator), one
            elif r.denominator > 1:
                y = self._generator((repr(e[1]), r.denominator), [-p] + [mp.const(0)] * (r.denominator - 1) + [q])
                p, q = y, one
            n = abs(r.numerator)
            return (p ** n, q ** n) if r > 0 else (q ** n, p ** n)
        if op in ("exp", "log"):
            return self.transcendental(e), one
        s = self.branch(kink_argument(e))
        return self.fraction(on_branch(e, children(e), s > 0 if op == "relu" else s >= 0))

    def transcendental(self, e):
        """exp(a) or log(a) as a symbol with no relation: P reduces to 0 only when the claim
        is an identity in it (equal arguments share one symbol), true whatever its value.
        Nothing else about it can be eliminated, so a zero that needs its value is not
        checkable (strict signs come from enclosures)."""
        key = ("transcendental", text(e))
        if key not in self.generators:
            self.generators[key] = len(self.generators) + 1
        return mp.var(self.generators[key])

    def fresh(self):
        """A variable index used by no generator (for the value v in P - v Q)."""
        return len(self.generators) + 1

    def algebraic(self, c):
        """A generator for an algebraic constant; a quadratic one is written as
        (-p1 + sigma * k * sqrt(s)) / (2 * p2) with s square-free (up to a trial-division bound),
        so that conjugates and multiples share one generator sqrt(s); equal constants of higher
        degree share one generator."""
        if len(c.poly) != 3:
            for other, key in self.constants:
                if other.poly == c.poly and compare(other, c) == 0:
                    return mp.var(self.generators[key])
            self.constants.append((c, repr(c)))
            return self._generator(repr(c), [mp.const(x) for x in c.poly])
        p0, p1, p2 = c.poly
        middle = -p1 / (2 * p2)
        sigma = compare(c, middle) * (1 if p2 > 0 else -1)
        d = p1 * p1 - 4 * p0 * p2
        m = d.numerator * d.denominator
        k, s = square_part(m)
        root = self._generator(("sqrt", s), [mp.const(-s), mp.const(0), mp.const(1)])
        # sqrt(d) = sqrt(m) / denominator = k * sqrt(s) / denominator
        return mp.const(middle) + mp.const(Fraction(sigma * k, d.denominator) / (2 * p2)) * root

    def rational_root(self, x, q):
        """x^(1/q) for a rational x: exact for a perfect power, sqrt(s) shared with quadratic
        constants for q = 2, else a generator for the root of y^q - x."""
        if x < 0 and q % 2 == 0:
            raise Undefined()
        sign, x = (-1 if x < 0 else 1), abs(x)
        n, d = (integer_root(x.numerator, q), integer_root(x.denominator, q))
        if n ** q == x.numerator and d ** q == x.denominator:
            return mp.const(sign * Fraction(n, d))
        if q == 2:
            k, s = square_part(x.numerator * x.denominator)
            root = self._generator(("sqrt", s), [mp.const(-s), mp.const(0), mp.const(1)])
            return mp.const(Fraction(k, x.denominator)) * root
        return sign * self._generator(("root", x, q), [mp.const(-x)] + [mp.const(0)] * (q - 1) + [mp.const(1)])

    def reduced(self, p):
        for relation in reversed(self.relations):
            p = mp.reduce(p, relation)
        return p

    def eliminated(self, p):
        """A polynomial in variable 0 alone vanishing wherever p vanishes at the true values."""
        for relation in reversed(self.relations):
            if mp.uses(p, relation.index):
                p = mp.resultant(mp.reduce(p, relation), relation)
        return p
