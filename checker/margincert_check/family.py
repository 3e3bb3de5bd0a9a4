"""KKT over a data family (kind `kkt-family`, docs/certificates.md): for every a in a range,
v = theta(a) is a KKT point of  minimize 1/2 |v|^2  subject to  c_i(v; a) >= 1  with the
multipliers lambda(a) (the data, the point and the multipliers depend on a).

The checker decomposes the range with the certificate's cut points and samples, as for
`over-range`, for the conditions c_i(theta(a); a) >= 1, lambda_i(a) >= 0 and
lambda_i(a) (c_i(theta(a); a) - 1) = 0: they hold on the whole range, and every kink argument
of c_i(theta(a); a) keeps one sign on each cell (it is one of the conditions' sign-relevant
functions). So on a cell the pieces of c_i at theta(a) (kkt.py: each kink of argument 0
on either branch) are the same for every a, and it takes their gradients itself (kkt.py,
symbolically in v, then v = theta(a)). Where lambda_i != 0 (a sign constant on the cell),
all pieces of c_i must have one gradient g_i (then it is the Clarke subdifferential, Clarke
1983, Thm 2.5.1; otherwise not checkable), and theta(a) = sum lambda_i(a) g_i(a): these
identities in a are checked on the cell as an over-range certificate of one cell, and at each
cut point and closed end at that point. A refutation names a value of a in the range where the
conditions or the stationarity fail.
"""
from .exact import NotCheckable, Rejected, compare, number, rational
from .expr import difference, parse, substituted
from .kkt import ONE, ZERO, piece_gradients
from .verify import check_cells, range_end, sign_at, truth_at


def _conditions(point, constraints, multipliers):
    """Feasibility, lambda >= 0 and complementary slackness as functions of the parameter."""
    out = []
    for c, lam in zip(constraints, multipliers):
        margin = substituted(c, point)
        out += [{"lhs": margin, "relation": ">=", "rhs": ONE}, {"lhs": lam, "relation": ">=", "rhs": ZERO},
                {"lhs": ["mul", lam, difference(margin, ONE)], "relation": "=", "rhs": ZERO}]
    return out


def _stationarity(a, x, point, constraints, multipliers):
    """(one gradient per constraint, v = sum lambda_i g_i) as conditions in a, with the pieces of
    each c_i at theta(x); constraints with lambda_i(x) = 0 drop out."""
    at = {v: substituted(e, {a: ["num", x]}) for v, e in point.items()}
    at[a] = ["num", x]
    variables = sorted(point)
    one_gradient, sums = [], [["add", ZERO] for _ in variables]
    for c, lam in zip(constraints, multipliers):
        if sign_at(lam, {a: x}) == 0:
            continue
        pieces = [[substituted(d, point) for d in g] for g in piece_gradients(c, variables, at)]
        one_gradient += [{"lhs": d, "relation": "=", "rhs": d0} for g in pieces[1:] for d, d0 in zip(g, pieces[0])]
        for k, d in enumerate(pieces[0]):
            sums[k].append(["mul", lam, d])
    return one_gradient, [{"lhs": point[v], "relation": "=", "rhs": s} for v, s in zip(variables, sums)]


def _kkt_at(a, x, point, constraints, multipliers):
    """Whether the KKT conditions hold at the parameter value x."""
    if not truth_at(_conditions(point, constraints, multipliers), {a: x})[0]:
        return False
    one_gradient, stationary = _stationarity(a, x, point, constraints, multipliers)
    if not truth_at(one_gradient, {a: x})[0]:
        raise NotCheckable("at %s = %r a constraint has pieces with different gradients" % (a, x))
    return truth_at(stationary, {a: x})[0]


def check_kkt_family(node):
    try:
        a = node["parameter"]
        point = {v: parse(e) for v, e in dict(node["point"]).items()}
        constraints = [parse(c) for c in node["constraints"]]
        multipliers = [parse(m) for m in node["multipliers"]]
        lower, upper = range_end(node["lower"]), range_end(node["upper"])
    except (KeyError, TypeError, ValueError):
        raise Rejected("malformed KKT family certificate")
    if not point or not constraints or len(multipliers) != len(constraints):
        raise Rejected("a KKT family certificate needs variables and one multiplier per constraint")
    if "counterexample" in node:
        x = number(node["counterexample"])
        for end, side in ((lower, 1), (upper, -1)):
            if end is not None and side * compare(x, end[0]) < (0 if end[1] else 1):
                raise Rejected("the counterexample %s = %r is outside the range" % (a, x))
        return _kkt_at(a, x, point, constraints, multipliers)
    cuts, samples = [number(c) for c in node.get("cut_points", [])], [rational(s) for s in node.get("samples", [])]
    check_cells(_conditions(point, constraints, multipliers), a, lower, upper, cuts, samples)
    ends = [lower and lower[0]] + cuts + [upper and upper[0]]
    for i, s in enumerate(samples):
        one_gradient, stationary = _stationarity(a, s, point, constraints, multipliers)
        if not truth_at(one_gradient, {a: s})[0]:
            raise NotCheckable("on cell %d a constraint has pieces with different gradients" % (i + 1))
        cell = [None if x is None else (x, False) for x in ends[i:i + 2]]
        try:
            check_cells(one_gradient + stationary, a, cell[0], cell[1], [], [s])
        except Rejected as e:
            raise Rejected("stationarity on cell %d: %s" % (i + 1, e))
    for x in cuts + [end[0] for end in (lower, upper) if end is not None and end[1]]:
        if not _kkt_at(a, x, point, constraints, multipliers):
            raise Rejected("the KKT conditions fail at %s = %r" % (a, x))
    return True
