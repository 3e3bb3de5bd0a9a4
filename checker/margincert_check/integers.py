"""Claims over the integers of a range (kind `over-integers`, docs/certificates.md), with powers
whose exponents are rational functions of the parameter, such as 2^(1 - 2/m).

Symbolic exponents: the checker writes each condition's difference D as a sum of terms, each a
product of factors free of symbolic exponents times powers of *atoms* with exponents that are
rational functions of the parameter: b^e with b > 0 is rewritten by b^x b^y = b^(x+y),
(b^x)^y = b^(xy) and (bc)^x = b^x c^x for b, c > 0, a positive rational base becomes powers of
primes and a positive root (a/c)^(1/q) of a binomial c y^q - a those of a/c; any other base
factor f is an atom that must be positive (the condition f > 0 is checked). Dividing by the
content M, a product of powers of atoms (positive), must leave constant exponents in every term:
the quotient Q = D/M has D's sign wherever D is defined, and no symbolic exponent.

Integers: the cut points cut the range into open cells; on each cell that contains an integer,
no zero polynomial (`verify.zero_polynomial`) of Q, of its kink arguments, radicands and
divisors, of the atoms that must be positive and of the exponents' divisors has a root (Sturm;
to +inf for the last cell of an unbounded range, which is the tail argument), so each keeps one
sign on the cell and D has, at every integer of the cell, its sign at the least one. The
checker finds the least integer of every cell and cut point itself, and evaluates D there with
the exponents evaluated exactly."""
import math
from fractions import Fraction

import flint

from .exact import NotCheckable, Rejected, compare, interval, number, rational, to_fmpq, to_fraction
from .expr import Undefined, children, difference, exponent, parse, rebuilt, sign_relevant, subexpressions, text, uses
from .verify import RELATIONS, changing_sign, increasing, range_end, conditions_of, show_condition, sign_at, truth_at

ZERO, ONE = ["num", Fraction(0)], ["num", Fraction(1)]


# Exponents: rational functions of the parameter, (numerator, denominator) pairs of fmpq_poly.

def _plus(a, b, scale=1):
    return a[0] * b[1] + scale * b[0] * a[1], a[1] * b[1]


def _times_f(a, b):
    return a[0] * b[0], a[1] * b[1]


def _constant(c):
    return flint.fmpq_poly([to_fmpq(c)]), flint.fmpq_poly([1])


def _value(f):
    """The value of f when it is constant (numerator = c * denominator), else None."""
    if f[0].is_zero():
        return Fraction(0)
    c = f[0].leading_coefficient() / f[1].leading_coefficient()
    return to_fraction(c) if f[0] == c * f[1] else None


def _function(e, name):
    """The exponent e as a rational function of the parameter."""
    op = e[0]
    if op == "num" and isinstance(e[1], Fraction):
        return _constant(e[1])
    if op == "var" and e[1] == name:
        return flint.fmpq_poly([0, 1]), flint.fmpq_poly([1])
    if op in ("add", "mul"):
        value = _function(e[1], name)
        for a in e[2:]:
            value = (_plus if op == "add" else _times_f)(value, _function(a, name))
        return value
    if op == "pow" and e[2][0] == "num" and isinstance(e[2][1], Fraction) and e[2][1].denominator == 1:
        n, d = _function(e[1], name)
        k = int(e[2][1])
        if n.is_zero() and k < 0:
            raise Undefined()
        return (n ** k, d ** k) if k >= 0 else (d ** -k, n ** -k)
    raise NotCheckable("an exponent that is not a rational function of %s: %s" % (name, text(e)))


# The normal form: a list of terms (factors free of symbolic exponents, {atom key: (atom, exponent)}).

def _symbolic(e, name):
    return any(s[0] == "pow" and uses(s[2], name) for s in subexpressions(e))


def _times(s, t):
    powers = dict(s[1])
    for key, (atom, x) in t[1].items():
        powers[key] = (atom, _plus(powers[key][1], x) if key in powers else x)
    return s[0] + t[0], powers


def _scaled(powers, f):
    return {key: (atom, _times_f(x, f)) for key, (atom, x) in powers.items()}


def _atoms(factor, needs):
    """factor = product of atom^exponent (exponents rational); a non-constant factor is an atom
    that must be positive."""
    c = factor[1] if factor[0] == "num" else None
    if isinstance(c, Fraction):
        if c <= 0:
            raise NotCheckable("a symbolic power of the non-positive constant %s" % c)
        return _primes(c)
    if c is not None and len(c.poly) > 1 and not any(c.poly[1:-1]) and c.poly[0] and compare(c, Fraction(0)) > 0:
        q = len(c.poly) - 1  # the positive root of a binomial: (-c0/cq)^(1/q)
        return {key: (atom, k / q) for key, (atom, k) in _primes(-c.poly[0] / c.poly[-1]).items()}
    if c is not None:
        raise NotCheckable("a symbolic power of the constant %r" % (c,))
    needs.append({"lhs": factor, "relation": ">", "rhs": ZERO})
    return {("atom", repr(factor)): (factor, Fraction(1))}


def _primes(c):
    out = {}
    for n, s in ((c.numerator, 1), (c.denominator, -1)):
        p = 2
        while p * p <= n and p < 1 << 16:
            while n % p == 0:
                out[("prime", p)] = (["num", Fraction(p)], out.get(("prime", p), (0, 0))[1] + s)
                n //= p
            p += 1
        if n > 1:
            out[("prime", n)] = (["num", Fraction(n)], out.get(("prime", n), (0, 0))[1] + s)
    return out


def normal(e, name, needs):
    """e as a list of terms (see above); `needs` collects the conditions the rewriting assumes
    (atoms positive, exponents defined), which must hold at every integer."""
    if not _symbolic(e, name):
        try:
            return [] if not uses(e, name) and sign_at(e, {}) == 0 else [([e], {})]
        except Undefined:
            return [([e], {})]
    op = e[0]
    if op == "add":
        return [t for a in e[1:] for t in normal(a, name, needs)]
    if op == "mul":
        out = [([], {})]
        for a in e[1:]:
            out = [_times(s, t) for s in out for t in normal(a, name, needs)]
        return out
    if op != "pow":
        raise NotCheckable("a symbolic power inside %s" % op)
    terms = normal(e[1], name, needs)
    if uses(e[2], name):
        x = _function(e[2], name)
        needs.append({"lhs": e[2], "relation": "=", "rhs": e[2]})
        if len(terms) != 1:
            raise NotCheckable("a symbolic power of a sum: %s" % text(e))
        powers = _scaled(terms[0][1], x)
        for factor in terms[0][0]:
            powers = _times(([], powers), ([], _scaled({k: (a, _constant(r)) for k, (a, r) in _atoms(factor, needs).items()}, x)))[1]
        return [([], powers)]
    r = exponent(e[2])
    if len(terms) == 1:  # (F M)^r = F^r M^r for M > 0, wherever either side is defined
        factors, powers = terms[0]
        return [([["pow", ["mul", ONE] + factors, e[2]]], _scaled(powers, _constant(r)))]
    if r.denominator == 1 and r >= 0:
        out = [([ONE], {})]
        for _ in range(int(r)):
            out = [_times(s, t) for s in out for t in terms]
        return out
    raise NotCheckable("a power of a sum with symbolic exponents: %s" % text(e))


def quotient(d, content, name, needs):
    """D/M as an expression without symbolic exponents; M is the content (None: the symbolic
    part of D's first term). Rejected when a symbolic exponent is left."""
    terms = normal(d, name, needs)
    if content is not None:
        shared = normal(content, name, needs)
        if len(shared) != 1 or any(f[0] != "num" or not isinstance(f[1], Fraction) or f[1] <= 0 for f in shared[0][0]):
            raise Rejected("the content %s is not a product of powers of positive bases" % text(content))
        shared = shared[0][1]
    else:
        shared = terms[0][1] if terms else {}
    summands = []
    for factors, powers in terms:
        left = dict(powers)
        for key, (atom, x) in shared.items():
            left[key] = (atom, _plus(left.get(key, (atom, _constant(0)))[1], x, -1))
        constant = []
        for atom, x in left.values():
            if _value(x) is None:
                raise Rejected("dividing %s by its content leaves a symbolic power of %s" % (text(d), text(atom)))
            if _value(x):
                constant.append(["pow", atom, ["num", _value(x)]])
        summands.append(["mul", ONE] + factors + constant)
    return ["add", ZERO] + summands


# The integers of each element of the decomposition.

def least_integer(lower, lower_closed, upper, upper_closed):
    k = math.floor(interval(lower, Fraction(1, 2))[0])
    while compare(Fraction(k), lower) < 0 or (compare(Fraction(k), lower) == 0 and not lower_closed):
        k += 1
    if upper is not None and (compare(Fraction(k), upper) > 0 or (compare(Fraction(k), upper) == 0 and not upper_closed)):
        return None
    return k


def at_integer(e, name, n):
    """e at the parameter value n, each symbolic exponent evaluated exactly."""
    if e == ["var", name]:
        return ["num", Fraction(n)]
    if e[0] == "pow" and uses(e[2], name):
        x = [p(n) for p in _function(e[2], name)]
        if x[1] == 0:
            raise Undefined()
        return ["pow", at_integer(e[1], name, n), ["num", to_fraction(x[0] / x[1])]]
    return rebuilt(e, [at_integer(a, name, n) for a in children(e)])


def check_over_integers(node):
    conditions = conditions_of(node)
    name, contents = node.get("parameter"), node.get("contents")
    if not isinstance(contents, list) or len(contents) != len(conditions):
        raise Rejected("not one content per condition")
    lower, upper = range_end(node.get("lower")), range_end(node.get("upper"))
    if lower is None:
        raise Rejected("a range of integers without a lower end")
    cuts = [number(c) for c in node.get("cut_points", [])]
    ends = increasing([lower[0]] + cuts + [upper[0] if upper else None])
    needs, quotients = [], []
    differences = [difference(c["lhs"], c["rhs"]) for c in conditions]
    for d, m in zip(differences, contents):
        try:
            quotients.append(quotient(d, None if m is None else parse(m), name, needs))
        except Undefined:
            raise Rejected("an exponent of %s is undefined for every %s" % (text(d), name))
    functions = sign_relevant(quotients + [difference(c["lhs"], c["rhs"]) for c in needs])
    elements = [(lower[0], lower[0], True)] if lower[1] else []
    for i, (a, b) in enumerate(zip(ends, ends[1:])):
        elements += [(a, b, False)] + ([(cuts[i], cuts[i], True)] if i < len(cuts) else [])
    if upper and upper[1]:
        elements.append((upper[0], upper[0], True))
    entries = node.get("integers")
    if not isinstance(entries, list) or len(entries) != len(elements):
        raise Rejected("%d elements (ends, cells, cut points) but %s entries of integers"
                       % (len(elements), len(entries) if isinstance(entries, list) else "no"))
    for (a, b, point), entry in zip(elements, entries):
        where = "at %r" % (a,) if point else "on the cell (%r, %s)" % (a, "inf" if b is None else repr(b))
        n = least_integer(a, point, b, point)
        stated = None if entry is None else int(rational(entry["least"]))
        if stated != n:
            raise Rejected("%s the least integer is %s, not %s as the certificate says" % (where, n, stated))
        if n is None:
            continue
        if not point:
            f = changing_sign(functions, name, Fraction(n), a, b)
            if f is not None:
                raise Rejected("%s may change sign %s: a cut point is missing" % (text(f), where))
        holds, failing = truth_at(needs, {name: Fraction(n)})
        if not holds:
            raise Rejected("at %s = %d the rewriting of the symbolic powers needs %s" % (name, n, show_condition(failing)))
        _signs_at(conditions, differences, entry.get("signs"), name, n)
    return True


def _signs_at(conditions, differences, stated, name, n):
    if not isinstance(stated, list) or len(stated) != len(conditions):
        raise Rejected("at %s = %d: not one sign per condition" % (name, n))
    for c, d, s in zip(conditions, differences, stated):
        try:
            sign = sign_at(at_integer(d, name, n), {})
        except Undefined:
            raise Rejected("at %s = %d, %s is not defined" % (name, n, show_condition(c)))
        if sign != s:
            raise Rejected("at %s = %d the sign of %s is %d, not %s" % (name, n, show_condition(c), sign, s))
        if not RELATIONS[c["relation"]](sign):
            raise Rejected("the claim fails at %s = %d (%s)" % (name, n, show_condition(c)))
