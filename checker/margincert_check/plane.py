"""Certificates over a region of two parameters (kind `over-region`, docs/certificates.md):
{(a, b) : a in A, l(a) < b < u(a)} (each end open, closed or infinite), by a cylindrical
decomposition whose projection the checker recomputes.

Targets: each condition's lhs - rhs, b - l(a), u(a) - b, and inside them every kink argument,
radicand, divisor, logarithm's argument and root's base. For each target T and each sign vector
sigma its kink arguments take at a point of a sample's fibre, T_sigma (kinks on their branches)
is eliminated to P(a, b) != 0 vanishing at its zeros (as in verify.py), or is identically 0.
Projection: with F the irreducible factors over Z of all the P's (python-flint), the b-free
factors, and the leading coefficients, discriminants and pairwise resultants in b of the others.
Theorem (Collins 1975; Basu, Pollack, Roy, Algorithms in Real Algebraic Geometry, Thm 5.16, and
Lemmas 1-2 of docs/cylindrical-decomposition.md): on an open interval C of a where none of them
vanishes, the real roots in b of the P's are continuous functions xi_1 < ... < xi_m on C, every
target is defined and of one sign on each graph of a xi_k and each band between two, or nowhere
defined there, and each of these meets every fibre over C; so the claim holds over C iff it
holds on the fibre over C's sample. The checker verifies that no projection polynomial has a
root inside a cell of a, and re-verifies every fibre (over the samples, the cut points and the
closed ends of A) as an over-range certificate of the conditions with a substituted, whose ends
it checks to be l(a) and u(a) there.
"""
from fractions import Fraction
from functools import reduce
from math import gcd

import flint

from .exact import NotCheckable, Rejected, compare, number, rational
from .expr import Undefined, difference, kink_argument, parse, sign_relevant, subexpressions, substituted
from .verify import check_cells, conditions_of, range_end, roots_inside, sign_at, zero_polynomial


def _kink_arguments(e):
    """{repr(k): k} for the kink arguments k inside e."""
    return {repr(k): k for k in map(kink_argument, subexpressions(e)) if k is not None}


def _root_bases(e):
    """The bases of the roots inside e (odd roots too: where the base vanishes, the root is not
    analytic, so the base is a target)."""
    return [s[1] for s in subexpressions(e) if s[0] == "pow" and s[2][0] == "num" and getattr(s[2][1], "denominator", 1) > 1]


def factors(functions, a, b, points):
    """The distinct irreducible factors over Z (fmpz_mpoly in a, b) of the polynomials of every
    function for every sign vector its kink arguments take at the points."""
    found, context, signs = {}, flint.fmpz_mpoly_ctx.get((a, b), "lex"), {}
    for t in functions:
        kinks, vectors = _kink_arguments(t), set()
        for i, env in enumerate(points if kinks else [{}]):
            try:
                vectors.add(tuple(signs[k, i] if (k, i) in signs else signs.setdefault((k, i), sign_at(kinks[k], env))
                                  for k in kinks))
            except Undefined:
                continue
        for vector in vectors:
            chosen = dict(zip(kinks, vector))
            p = zero_polynomial(t, lambda k: chosen[repr(k)], a, b)
            if p is None:
                continue
            terms = p.to_dict()
            scale = reduce(lambda m, c: m * int(c.q) // gcd(m, int(c.q)), terms.values(), 1)
            integral = context.from_dict({k[:2]: int((c * scale).p) for k, c in terms.items()})
            for g, _ in integral.factor()[1]:
                if g.total_degree() > 0 and str(-g) not in found:
                    found[str(g)] = g
    return list(found.values())


def projection(found):
    """Univariate polynomials in a (Fractions, constant first) whose real roots include every
    critical value: the b-free factors, the leading coefficients and discriminants in b, the
    pairwise resultants in b; each split into its irreducible factors, each factor once."""
    polynomials = []
    for i, g in enumerate(found):
        degree = g.degrees()[1]
        if degree == 0:
            polynomials.append(g)
            continue
        lead = {(k[0], 0): c for k, c in g.to_dict().items() if k[1] == degree}
        polynomials.append(g.context().from_dict(lead))
        if degree > 1:
            polynomials.append(g.discriminant(g.context().names()[1]))
        polynomials += [g.resultant(h, g.context().names()[1]) for h in found[i + 1:] if h.degrees()[1] > 0]
    out = {}
    for p in polynomials:
        if p.is_zero():
            raise NotCheckable("a projection polynomial vanishes identically")
        coefficients = [0] * (p.degrees()[0] + 1)
        for k, c in p.to_dict().items():
            coefficients[k[0]] = int(c)
        for q, _ in flint.fmpz_poly(coefficients).factor()[1]:
            if q.degree() > 0:
                out[str(q)] = [Fraction(int(c)) for c in q.coeffs()]
    return list(out.values())


def _on_fibre(conditions, bounds, a, b, x, fibre):
    """The claim holds on the fibre over a = x: its ends are the region's bounds l(x), u(x)
    (`bounds` as the certificate writes them), and it re-verifies as cells in b."""
    env = {a: x}
    try:
        ends = [bound and parse(bound["value"]) for bound in bounds]
        if fibre.get("empty"):
            gap = None if None in ends else sign_at(difference(ends[1], ends[0]), env)
            if gap is None or gap > 0 or gap == 0 and all(bound["closed"] for bound in bounds):
                raise Rejected("the fibre over %s = %r is not empty" % (a, x))
            return
        for key, bound, value in zip(("lower", "upper"), bounds, ends):
            end = fibre[key]
            if (bound is None) != (end is None) or bound is not None and (
                    bool(end["closed"]) != bool(bound["closed"])
                    or sign_at(difference(value, ["num", number(end["value"])]), env) != 0):
                raise Rejected("the %s end of the fibre over %s = %r is not the region's" % (key, a, x))
        check_cells([dict(c, lhs=substituted(c["lhs"], env), rhs=substituted(c["rhs"], env)) for c in conditions], b,
                    range_end(fibre["lower"]), range_end(fibre["upper"]),
                    [number(c) for c in fibre.get("cut_points", [])], [rational(s) for s in fibre.get("samples", [])])
    except Undefined:
        raise Rejected("an end of the range of %s is not defined at %s = %r" % (b, a, x))
    except Rejected as e:
        raise Rejected("over %s = %r: %s" % (a, x, e))


def check_over_region(node):
    conditions = conditions_of(node)
    try:
        a, b = node["parameters"]
        cuts, samples = [number(c) for c in node["cut_points"]], [rational(s) for s in node["samples"]]
        fibres, lower, upper = list(node["fibres"]), range_end(node["lower"]), range_end(node["upper"])
    except (KeyError, TypeError, ValueError):
        raise Rejected("malformed two-parameter certificate")
    # The cells of a: the over-range rules for a tautology (cut points inside, one sample each).
    check_cells([{"lhs": ["var", a], "relation": "=", "rhs": ["var", a]}], a, lower, upper, cuts, samples)
    sides = [difference(c["lhs"], c["rhs"]) for c in conditions]
    for key, sign in (("fibre_lower", 1), ("fibre_upper", -1)):
        if node.get(key) is not None:
            bound = parse(node[key]["value"])
            if _kink_arguments(bound):
                raise NotCheckable("a kink in an end of the range of %s" % b)
            sides.append(difference(["var", b], bound) if sign > 0 else difference(bound, ["var", b]))
    functions = sign_relevant(sides)
    for base in (t for side in sides for t in _root_bases(side)):
        functions += [] if base in functions else [base]
    abscissae = [(lower[0], False)] if lower and lower[1] else []
    for i, s in enumerate(samples):
        abscissae += [(s, True)] + ([(cuts[i], False)] if i < len(cuts) else [])
    if upper and upper[1]:
        abscissae.append((upper[0], False))
    if len(fibres) != len(abscissae):
        raise Rejected("%d fibres for %d values of %s (closed ends, samples, cut points): a fibre is missing or extra"
                       % (len(fibres), len(abscissae), a))
    points = []
    for (x, is_sample), fibre in zip(abscissae, fibres):
        if not isinstance(fibre, dict):
            raise Rejected("malformed fibre")
        _on_fibre(conditions, [node.get("fibre_lower"), node.get("fibre_upper")], a, b, x, fibre)
        if is_sample and not fibre.get("empty"):
            ends = [fibre[key]["value"] for key in ("lower", "upper") if fibre[key] and fibre[key]["closed"]]
            points += [{a: x, b: number(y)} for y in fibre["samples"] + fibre["cut_points"] + ends]
    cell_ends = [lower and lower[0]] + cuts + [upper and upper[0]]
    for x, y in zip(cell_ends, cell_ends[1:]):
        if x is not None and y is not None:
            compare(x, y)  # refines the isolating intervals of neighbours until they are disjoint
    for p in projection(factors(functions, a, b, points)):
        for i in range(len(cell_ends) - 1):
            if roots_inside(p, cell_ends[i], cell_ends[i + 1]):
                raise Rejected("the projection polynomial %s has a root inside cell %d of %s: a critical value is "
                               "not a cut point" % (p, i + 1, a))
    return True
