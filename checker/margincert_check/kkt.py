"""KKT certificates (docs/certificates.md, kinds `kkt`, `not-kkt`, `convex-kkt`) of
    minimize 1/2 |v|^2 (or |v|_1, objective "l1")  subject to  c_i(v) >= 1,
with each c_i a piecewise-polynomial expression (relu, lrelu, abs, max, min) in the variables v.

Near the point every kink whose argument is not 0 keeps its branch, so c_i agrees there with
one of the *pieces*: c_i with each kink of argument exactly 0 replaced by one of its two
branches. Every limit of gradients of c_i at nearby points is the gradient of a piece at the
point (continuity of each piece's gradient), so the Clarke subdifferential of c_i is contained in
the convex hull of the pieces' gradients (Clarke 1983, Thm 2.5.1), and it is not empty.
- `kkt`: when every piece of c_i has the same gradient g_i there, that g_i is the Clarke
  subdifferential; the checker verifies v = sum lambda_i g_i exactly. Otherwise the certificate
  lists weighted pieces of c_i, each named by a *realizing direction* d: every kink of argument 0
  (inner ones first, on the pieces already chosen) has a piece-argument a with grad a . d != 0,
  which fixes its branch. On the open cone {p + t d' : d' near d, 0 < t small} every kink keeps
  that branch, so c_i equals the piece there and the piece's gradient at p is a limit of
  gradients of c_i: it lies in the Clarke subdifferential, and so does every convex combination.
- `not-kkt`: y.g >= 0 for every piece's gradient g of every active constraint and y.v < 0 show
  that no lambda >= 0 and no g_i in the hulls give v = sum lambda_i g_i (Farkas); with printed
  multipliers, offsets z do the same for those lambda (below).
"""
from fractions import Fraction
from itertools import product

from .exact import NotCheckable, Rejected, number
from .expr import (Undefined, children, difference, exponent, kink_argument, on_branch, parse, rebuilt, subexpressions,
                   substituted, text, uses)
from .verify import sign_at

ZERO, ONE = ["num", Fraction(0)], ["num", Fraction(1)]
MAXIMUM_ZERO_KINKS = 10


def derivative(e, v):
    """The derivative in v of a kink-free expression (after `piece`)."""
    if not uses(e, v):
        return ZERO
    op = e[0]
    if op == "var":
        return ONE
    if op == "add":
        return ["add"] + [derivative(a, v) for a in e[1:] if uses(a, v)]
    if op == "mul":
        factors = e[1:]
        return ["add"] + [["mul"] + factors[:i] + [derivative(f, v)] + factors[i + 1:]
                          for i, f in enumerate(factors) if uses(f, v)]
    if op == "pow":
        if uses(e[2], v):
            raise NotCheckable("a variable in an exponent")
        r = exponent(e[2])
        return ["mul", ["num", r], ["pow", e[1], ["num", r - 1]], derivative(e[1], v)]
    if op == "exp":
        return ["mul", e, derivative(e[1], v)]
    if op == "log":
        return ["mul", ["pow", e[1], ["num", Fraction(-1)]], derivative(e[1], v)]
    raise NotCheckable("cannot differentiate %s" % op)


def _kinks(e, env):
    """The kinks of e by their text: the sign of the argument at env, inner ones first."""
    out = {}
    for s in subexpressions(e):
        if kink_argument(s) is not None and text(s) not in out:
            out[text(s)] = _sign(kink_argument(s), env)
    return out


def piece(e, branch):
    """e with each kink replaced by its branch: branch(text) is 1 (argument > 0) or 0."""
    below = [piece(a, branch) for a in children(e)]
    return rebuilt(e, below) if kink_argument(e) is None else on_branch(e, below, branch(text(e)) == 1)


def piece_gradients(c, variables, env):
    """The gradient (one expression per variable) of every piece of c at env."""
    signs = _kinks(c, env)
    zeros = [k for k, s in signs.items() if s == 0]
    if len(zeros) > MAXIMUM_ZERO_KINKS:
        raise NotCheckable("more than %d kinks with argument 0" % MAXIMUM_ZERO_KINKS)
    gradients = []
    for choice in product((0, 1), repeat=len(zeros)):
        chosen = dict(zip(zeros, choice))
        p = piece(c, lambda key: chosen[key] if key in chosen else int(signs[key] > 0))
        gradients.append([derivative(p, v) for v in variables])
    return gradients


def realized_piece(c, variables, env, direction):
    """The piece of c that c equals on the open cone around the direction (a dict by variable):
    every kink of argument 0 takes the side of grad(argument) . direction, which must not be 0."""
    e = rebuilt(c, [realized_piece(a, variables, env, direction) for a in children(c)])
    k = kink_argument(e)
    if k is None:
        return e
    s = _sign(k, env)
    if s == 0:
        s = _sign(_combination([(direction.get(v, Fraction(0)), derivative(k, v)) for v in variables]), env)
        if s == 0:
            raise NotCheckable("a direction leaves the side of the kink %s open at first order" % text(c))
    return on_branch(e, children(e), s > 0)


def _weighted_pieces(c, variables, env, listed, total):
    """[(weight, gradient)] of the listed realized pieces of c, whose weights (>= 0) sum to total."""
    try:
        pieces = [({v: number(x) for v, x in dict(p["direction"]).items()}, number(p["weight"])) for p in listed]
    except (KeyError, TypeError, ValueError):
        raise Rejected("malformed pieces")
    if not pieces or any(set(d) - set(variables) for d, _ in pieces):
        raise Rejected("pieces without a direction over the variables")
    if any(_sign(["num", w], {}) < 0 for _, w in pieces):
        raise Rejected("a negative weight of a piece")
    if _sign(difference(_combination([(Fraction(1), ["num", w]) for _, w in pieces]), ["num", total]), {}) != 0:
        raise Rejected("the pieces' weights do not sum to the multiplier")
    return [(w, [derivative(realized_piece(c, variables, env, d), v) for v in variables]) for d, w in pieces]


def _problem(node):
    try:
        env = {name: number(value) for name, value in dict(node["point"]).items()}
        constraints = [parse(c) for c in node["constraints"]]
    except (KeyError, TypeError):
        raise Rejected("malformed KKT certificate")
    if not env or not constraints:
        raise Rejected("a KKT certificate without variables or constraints")
    return env, sorted(env), constraints


def _sign(e, env):
    try:
        return sign_at(substituted(e, env), {})
    except Undefined:
        raise Rejected("%s is not defined at the point" % text(e))


def _combination(terms):
    """sum of coefficient * expression, as an expression."""
    return ["add", ZERO] + [["mul", ["num", c], e] for c, e in terms]


def _margins(env, constraints):
    return [_sign(difference(c, ONE), env) for c in constraints]


def check_kkt(node):
    """True when the point is a KKT point with the certificate's multipliers; else Rejected."""
    env, variables, constraints = _problem(node)
    try:
        multipliers = [number(x) for x in node["multipliers"]]
    except (KeyError, TypeError):
        raise Rejected("malformed multipliers")
    if len(multipliers) != len(constraints):
        raise Rejected("%d multipliers for %d constraints" % (len(multipliers), len(constraints)))
    if "printed" in node:
        printed = [number(x) for x in node["printed"]]
        if len(printed) != len(multipliers) or any(
                _sign(difference(["num", a], ["num", b]), {}) for a, b in zip(printed, multipliers)):
            raise Rejected("the multipliers are not the printed ones")
    signs = [_sign(["num", x], {}) for x in multipliers]
    if any(s < 0 for s in signs):
        raise Rejected("a negative multiplier")
    margins = _margins(env, constraints)
    if any(m < 0 for m in margins):
        raise Rejected("constraint %d fails at the point" % (margins.index(min(margins)) + 1))
    listed = node.get("pieces") or [None] * len(constraints)
    if not isinstance(listed, list) or len(listed) != len(constraints):
        raise Rejected("the pieces are not listed per constraint")
    terms = {k: [] for k in range(len(variables))}
    for i, (s, m) in enumerate(zip(signs, margins)):
        if s == 0:
            continue
        if m != 0:
            raise Rejected("lambda%d != 0 but constraint %d is not active" % (i + 1, i + 1))
        if listed[i] is not None:
            for w, g in _weighted_pieces(constraints[i], variables, env, listed[i], multipliers[i]):
                for k in terms:
                    terms[k].append((Fraction(-1), ["mul", ["num", w], g[k]]))
            continue
        pieces = piece_gradients(constraints[i], variables, env)
        for g in pieces[1:]:
            for a, b, v in zip(pieces[0], g, variables):
                if _sign(difference(a, b), env) != 0:
                    raise NotCheckable("constraint %d has pieces with different gradients in %s at the point "
                                       "(a Clarke subdifferential with more than one element, and no pieces listed)" % (i + 1, v))
        for k in terms:
            terms[k].append((Fraction(-1), ["mul", ["num", multipliers[i]], pieces[0][k]]))
    objective = node.get("objective", "half-squared-norm")
    for k, v in enumerate(variables):
        if objective == "l1":
            _l1_stationary(v, terms[k], env)
        elif objective != "half-squared-norm":
            raise Rejected("unknown objective %r" % (objective,))
        elif _sign(["add", ["var", v], _combination(terms[k])], env) != 0:
            raise Rejected("stationarity fails in %s: %s != sum of lambda_i dc_i/d%s" % (v, v, v))
    return True


def _l1_stationary(v, terms, env):
    """s = sum lambda_i dc_i/dv lies in the subdifferential of |v| at the point: s = sign v
    where v != 0, |s| <= 1 where v = 0 (`terms` hold -s as a combination)."""
    minus_s = _combination(terms)
    sign = _sign(["var", v], env)
    if sign != 0:
        if _sign(["add", ["num", Fraction(sign)], minus_s], env) != 0:
            raise Rejected("stationarity fails in %s: sum of lambda_i dc_i/d%s != sign %s" % (v, v, v))
    elif _sign(["add", ONE, minus_s], env) < 0 or _sign(["add", ONE, ["mul", ["num", Fraction(-1)], minus_s]], env) < 0:
        raise Rejected("stationarity fails in %s: |sum of lambda_i dc_i/d%s| > 1 at %s = 0" % (v, v, v))


def check_not_kkt(node):
    """False (not a KKT point) when the Farkas vector separates; else Rejected."""
    env, variables, constraints = _problem(node)
    try:
        y = {name: number(value) for name, value in dict(node["farkas"]).items()}
    except (KeyError, TypeError):
        raise Rejected("malformed Farkas vector")
    if set(y) - set(variables):
        raise Rejected("the Farkas vector names unknown variables")
    margins = _margins(env, constraints)
    if any(m < 0 for m in margins):
        return False
    if "printed" in node:
        return _not_kkt_with(node, env, variables, constraints, margins, y)
    _separates(env, variables, constraints, y, [m == 0 for m in margins], [Fraction(0)] * len(constraints), [])
    return False


def _separates(env, variables, constraints, y, chosen, offsets, multipliers):
    """y.v + sum z_i lambda_i < 0, and y.g + z_i >= 0 for the gradient g of every piece of every
    chosen constraint (z: the offsets); else Rejected."""
    weights = [(y.get(v, Fraction(0)), ["var", v]) for v in variables]
    if _sign(_combination(weights + [(z, ["num", x]) for z, x in zip(offsets, multipliers)]), env) >= 0:
        raise Rejected("y.v + sum z_i lambda_i >= 0: the Farkas vector does not separate the point")
    for i, c in enumerate(constraints):
        for g in piece_gradients(c, variables, env) if chosen[i] else []:
            if _sign(_combination([(w, d) for (w, _), d in zip(weights, g)] + [(offsets[i], ONE)]), env) < 0:
                raise Rejected("y.g + z%d < 0 for a piece of constraint %d" % (i + 1, i + 1))


def _not_kkt_with(node, env, variables, constraints, margins, y):
    """False (not a KKT point with the printed multipliers): one is negative or nonzero off the
    active set, or y.g + z_i >= 0 for every piece's gradient g of every constraint with
    lambda_i != 0 and y.v + sum z_i lambda_i < 0 — then v = sum lambda_i g_i with g_i in the
    hulls would give y.v = sum lambda_i y.g_i >= -sum lambda_i z_i. Else Rejected."""
    try:
        printed = [number(x) for x in node["printed"]]
        offsets = [number(x) for x in node.get("offsets") or []]
    except (KeyError, TypeError):
        raise Rejected("malformed printed multipliers or offsets")
    if len(printed) != len(constraints):
        raise Rejected("%d printed multipliers for %d constraints" % (len(printed), len(constraints)))
    signs = [_sign(["num", x], {}) for x in printed]
    if any(s < 0 for s in signs) or any(s != 0 and m != 0 for s, m in zip(signs, margins)):
        return False
    if len(offsets) != len(constraints):
        raise Rejected("the offsets are not one per constraint")
    _separates(env, variables, constraints, y, [s != 0 for s in signs], offsets, printed)
    return False


def _affine(e, variables):
    """Whether e is, as written, an affine function of the variables (a sum of constants and
    constant multiples of affine terms; no variable under a kink, power or exp/log)."""
    def varies(a):
        return any(uses(a, v) for v in variables)
    op = e[0]
    if op in ("num", "var"):
        return True
    if op == "add":
        return all(_affine(a, variables) for a in e[1:])
    if op == "mul":
        varying = [a for a in e[1:] if varies(a)]
        return len(varying) <= 1 and all(_affine(a, variables) for a in varying)
    if op == "pow" and e[2][0] == "num" and e[2][1] == 1:
        return _affine(e[1], variables)
    return not varies(e)


def check_convex_kkt(node):
    """True when the inner `kkt` certificate holds and every constraint is affine in the
    variables: then {c_i >= 1} is convex (an intersection of half-spaces), the objective
    (1/2 |v|^2 or |v|_1) is convex, and the KKT conditions are sufficient (Rockafellar, Convex
    Analysis, Thm 28.3) — the point is the global minimum."""
    inner = node.get("certificate")
    if not isinstance(inner, dict) or inner.get("kind") != "kkt":
        raise Rejected("a convex KKT certificate holds a kkt certificate")
    env, variables, constraints = _problem(inner)
    for i, c in enumerate(constraints):
        if not _affine(c, variables):
            raise Rejected("constraint %d is not affine in the variables" % (i + 1))
    return check_kkt(inner)
