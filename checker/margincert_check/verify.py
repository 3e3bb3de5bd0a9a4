"""Re-verifies one certificate (docs/certificates.md): signs at exact points, and the
decomposition of a range into cells on which nothing changes sign."""
import importlib
from fractions import Fraction

from . import multipoly as mp
from .exact import Algebraic, NotCheckable, Rejected, compare, count_closed, count_open, is_root, number, rational
from .expr import Context, Undefined, Unsettled, difference, enclose, parse, sign_relevant, subexpressions, targets, text

RELATIONS = {
    "=": lambda s: s == 0, "!=": lambda s: s != 0, "<": lambda s: s < 0,
    "<=": lambda s: s <= 0, ">": lambda s: s > 0, ">=": lambda s: s >= 0,
}
PRECISIONS = (48, 128, 512, 2048)


def sign_at(e, env):
    """The exact sign of e at exact parameter values; Undefined where e is not defined.

    Nonzero signs come from rigorous enclosures. Zero: the numerator P reduces to 0 modulo the
    generators' equations, or else 0 is the only root in an enclosure of e of the polynomial
    R(v) obtained by eliminating every generator from P - v Q (R vanishes at v = e). Every
    radicand, divisor and logarithm's argument inside is checked to be defined first."""
    settled = _enclosed_sign(e, env, PRECISIONS[0])
    if settled is not None:
        return settled
    for t in targets(e, []):
        if t is not e:
            defined_sign(t, e, env)
    context = Context(env, lambda k: sign_at(k, env))
    p, q = context.fraction(e)
    if not context.reduced(p):
        return 0
    v = context.fresh()
    value = [mp.constant_value(c) for c in mp.coefficients(context.eliminated(p - mp.var(v) * q), v)]
    if None in value or not any(value):
        raise NotCheckable("cannot eliminate the generators of %s at %s" % (text(e), _show(env)))
    for bits in PRECISIONS:
        try:
            lo, hi = enclose(e, env, bits)
        except Unsettled:
            continue
        if lo > 0 or hi < 0:
            return 1 if lo > 0 else -1
        if value[0] == 0 and count_closed(value, lo, hi) == 1:
            return 0
    raise NotCheckable("cannot settle the sign of %s at %s" % (text(e), _show(env)))


def _show(env):
    return ", ".join("%s = %s" % kv for kv in sorted(env.items())) or "the constants"


def _enclosed_sign(e, env, bits):
    try:
        lo, hi = enclose(e, env, bits)
    except Unsettled:
        return None
    return 1 if lo > 0 else -1 if hi < 0 else None


def defined_sign(t, e, env):
    """Raises Undefined when the radicand or divisor t of e is out of its domain at env."""
    s = sign_at(t, env)
    powers = [x[2][1] for x in subexpressions(e) if x[0] == "pow" and x[1] == t and isinstance(x[2][1], Fraction)]
    if s < 0 and any(r.denominator % 2 == 0 for r in powers) or s == 0 and any(r < 0 for r in powers) \
            or s <= 0 and ["log", t] in subexpressions(e):
        raise Undefined()


def truth_at(conditions, env):
    """Whether every condition holds at env (an undefined one fails), and the first failing one."""
    for c in conditions:
        try:
            s = sign_at(difference(c["lhs"], c["rhs"]), env)
        except Undefined:
            return False, c
        if not RELATIONS[c["relation"]](s):
            return False, c
    return True, None


def conditions_of(node):
    try:
        out = [{"lhs": parse(c["lhs"]), "relation": c["relation"], "rhs": parse(c["rhs"])} for c in node["conditions"]]
    except (KeyError, TypeError):
        raise Rejected("malformed conditions")
    if any(c["relation"] not in RELATIONS for c in out):
        raise Rejected("unknown relation")
    if not out:
        raise Rejected("no conditions: a certificate states what it certifies")
    return out


def show_condition(c):
    return "%s %s %s" % (text(c["lhs"]), c["relation"], text(c["rhs"]))


def check_at_point(node):
    conditions = conditions_of(node)
    env = {name: number(v) for name, v in dict(node.get("assignment", {})).items()}
    holds, failing = truth_at(conditions, env)
    if "within" in node:
        inside, outside = truth_at(conditions_of({"conditions": node["within"]}), env)
        if not inside:
            raise Rejected("at %s the point is outside the claim's range (%s)" % (_show(env), show_condition(outside)))
    if holds != node.get("holds"):
        raise Rejected("at %s the conditions %s, but the certificate says they %s"
                       % (_show(env), "hold" if holds else "fail (" + show_condition(failing) + ")",
                          "hold" if node.get("holds") else "fail"))
    return holds


def range_end(value):
    if value is None:
        return None
    try:
        return number(value["value"]), bool(value["closed"])
    except (KeyError, TypeError):
        raise Rejected("malformed range end")


def _free_interval(c, side, sturm_polynomial):
    """A rational bound beyond which, towards the cell, the polynomial has no root before the
    cell's end c (side -1: lower end, the bound is above c; +1: upper end, below c)."""
    if c is None:
        return None
    if not isinstance(c, Algebraic):
        return c
    root_is_c = is_root(sturm_polynomial, c)
    while True:
        lo, hi = c.lo, c.hi
        if lo == hi:
            return lo
        if count_closed(sturm_polynomial, lo, hi) <= int(root_is_c):
            return hi if side < 0 else lo
        c.refine((hi - lo) / 2)


def roots_inside(p, lower, upper):
    """Distinct roots of the univariate polynomial p strictly between the cell's ends."""
    a = _free_interval(lower, -1, p)
    b = _free_interval(upper, 1, p)
    if a is not None and b is not None and a >= b:
        raise NotCheckable("the isolating intervals of two cut points overlap")
    return count_open(p, a, b)


def zero_polynomial(f, branch, name, second=None):
    """A nonzero polynomial in the parameter (a list, constant first) whose roots include every
    zero of f on the cell (branches fixed by `branch`), or None when f is identically 0 there.
    With a `second` parameter: P(name, second) != 0 (a multipoly dict) vanishing at every zero
    of f where f is defined.

    When the resultants vanish identically (a conjugate of f is identically 0), the value is
    eliminated instead: R(x, v) from P - v Q vanishes at v = f(x); with c_k the lowest nonzero
    coefficient of R in v, c_k(x0) = 0 at every zero x0 of f that is a limit of non-zeros, and f
    is analytic on the cell (its radicands, divisors and kink arguments do not vanish inside:
    they are checked too), so its zeros are isolated unless it is identically 0 (then its sign
    is constant anyway)."""
    context = Context({}, branch, free=name, second=second)
    p, q = context.fraction(f)
    if not context.reduced(p):
        return None
    parameters = 1 if second is None else 2

    def usable(r):
        return not r.is_zero() and not any(r.degrees()[parameters:])
    r = context.eliminated(p)
    if not usable(r):
        v = context.fresh()
        r = next((c for c in mp.coefficients(context.eliminated(p - mp.var(v) * q), v) if not c.is_zero()), mp.const(0))
    if not usable(r):
        raise NotCheckable("elimination of the radicals degenerates")
    return mp.univariate(r) if second is None else r


def branch_at(env):
    """The kink branches at env: the sign of each kink argument there (0 where undefined)."""
    signs = {}

    def branch(k):
        if repr(k) not in signs:
            try:
                signs[repr(k)] = sign_at(k, env)
            except Undefined:
                signs[repr(k)] = 0
        return signs[repr(k)]
    return branch


def changing_sign(functions, name, sample, lower, upper):
    """The first function whose zero polynomial has a root inside the cell (lower, upper), kink
    branches fixed by their signs at the sample inside the cell; None when every function keeps
    one sign on the cell."""
    branch = branch_at({name: sample})
    for f in functions:
        r = zero_polynomial(f, branch, name)
        if r is not None and len(r) > 1 and roots_inside(r, lower, upper):
            return f
    return None


def check_over_range(node):
    return check_cells(conditions_of(node), node.get("parameter"), range_end(node.get("lower")), range_end(node.get("upper")),
                       [number(c) for c in node.get("cut_points", [])], [rational(s) for s in node.get("samples", [])])


def increasing(ends):
    """The ends of the cells (None: infinite), once checked to increase strictly."""
    if any(a is not None and b is not None and compare(a, b) >= 0 for a, b in zip(ends, ends[1:])):
        raise Rejected("the cut points are not increasing strictly inside the range")
    return ends


def check_cells(conditions, name, lower, upper, cuts, samples):
    """The conditions hold for every value of the parameter `name` in the range from lower to
    upper ((number, closed) or None for infinite): the cut points increase strictly inside it,
    one sample lies in each cell, no sign-relevant function vanishes inside a cell, and the
    conditions hold at every sample, cut point and closed end."""
    ends = increasing([lower[0] if lower else None] + cuts + [upper[0] if upper else None])
    if len(samples) != len(ends) - 1:
        raise Rejected("%d cells but %d samples: a cell is missing or extra" % (len(ends) - 1, len(samples)))
    for i, s in enumerate(samples):
        if (ends[i] is not None and compare(ends[i], s) >= 0) or (ends[i + 1] is not None and compare(s, ends[i + 1]) >= 0):
            raise Rejected("sample %s is outside cell %d" % (s, i + 1))
    functions = sign_relevant([difference(c["lhs"], c["rhs"]) for c in conditions])
    for i, s in enumerate(samples):
        if changing_sign(functions, name, s, ends[i], ends[i + 1]) is not None:
            raise Rejected("a function of the claim may change sign inside cell %d (around sample %s): "
                               "a cut point is missing" % (i + 1, s))
    points = [(s, "sample %s" % s) for s in samples] + [(c, "cut point %r" % (c,)) for c in cuts]
    for end in (lower, upper):
        if end and end[1]:
            points.append((end[0], "end %r" % (end[0],)))
    for x, where in points:
        holds, failing = truth_at(conditions, {name: x})
        if not holds:
            raise Rejected("the conditions fail at %s (%s)" % (where, show_condition(failing)))
    return True


KINDS = {"kkt": ("kkt", "check_kkt"), "not-kkt": ("kkt", "check_not_kkt"), "convex-kkt": ("kkt", "check_convex_kkt"),
         "over-region": ("plane", "check_over_region"), "kkt-family": ("family", "check_kkt_family"),
         "dual": ("dual", "check_dual"), "over-integers": ("integers", "check_over_integers"),
         "linear-optimum": ("linear", "check_linear_optimum")}


def check_node(node):
    """True when the certified conditions hold, False when they fail (refutation)."""
    if not isinstance(node, dict):
        raise Rejected("malformed certificate")
    kind = node.get("kind")
    if kind == "at-point":
        return check_at_point(node)
    if kind == "over-range":
        return check_over_range(node)
    if kind == "all":
        parts = node.get("parts") or []
        if not parts:
            raise Rejected("a compound certificate without parts")
        results = []
        for part in parts:
            try:
                results.append(check_node(part["certificate"]))
            except (Rejected, NotCheckable) as e:
                raise type(e)("%s: %s" % (part.get("name", "?"), e))
        return all(results)
    if kind == "not":
        return not check_node(node.get("certificate"))
    if kind in KINDS:  # modules that import this one, so imported here
        module, function = KINDS[kind]
        return getattr(importlib.import_module("." + module, __package__), function)(node)
    if kind == "not-certified":
        raise NotCheckable(node.get("reason", "no reason given"))
    raise Rejected("unknown certificate kind %r" % (kind,))


def check_document(document):
    """Raises Rejected or NotCheckable unless the certificate re-verifies its verdict."""
    if document.get("format") != "margincert-certificate" or document.get("version") not in (1, 2, 3, 4):
        raise NotCheckable("unknown format or version")
    verdict = document.get("verdict")
    if verdict not in ("proved", "refuted"):
        raise Rejected("unknown verdict %r" % (verdict,))
    holds = check_node(document.get("certificate"))
    if holds != (verdict == "proved"):
        raise Rejected("the certified conditions %s, but the verdict is %s" % ("hold" if holds else "fail", verdict))
