"""Dual certificates (docs/certificates.md, kind `dual`) of global optimality for problem (2) of
a depth-2 network without shared weights, Phi(theta; x) = sum_j v_j sigma(<w_j, x>), sigma linear,
ReLU or leaky ReLU (slope alpha below 0), w_j free on the coordinates S_j.

Weak duality: for lambda >= 0 and feasible theta', with h_j(u) = sum_i lambda_i y_i sigma(<u, x_i>)
(sigma is positively homogeneous) and M_j = sup |h_j(u)| over unit u supported on S_j,
    sum lambda_i <= sum_i lambda_i y_i Phi(theta'; x_i) = sum_j v'_j |w'_j| h_j(w'_j/|w'_j|)
                 <= sum_j |v'_j| |w'_j| M_j <= 1/2 |theta'|^2   when every M_j <= 1 (AM-GM),
so a feasible theta with 1/2 |theta|^2 = sum lambda_i is a global optimum. Where <u, x_i> > 0
exactly for i in A, h_j(u) = <u, g_A> with g_A = sum_{i in A} c_i x_i + alpha sum_{i not in A} c_i x_i
(c_i = lambda_i y_i), so M_j <= max of |g_A| over the sets A of non-empty open cells (dense on the
sphere; h_j is continuous): the checker verifies |g_A|^2 <= 1 for every subset A, or that A's open
cell is empty by a Gordan vector the certificate lists. Trusted, like the constraints' meaning:
that the network has this form, with the listed data restricted to each S_j."""
from fractions import Fraction
from itertools import product

from .exact import Algebraic, NotCheckable, Rejected, number
from .kkt import ONE, _combination, _margins, _problem, _sign

MAXIMUM_INPUTS = 16


def _square(a):
    """a^2 as an expression: for an algebraic a of sign-definite interval whose polynomial is
    even, p(x) = r(x^2), the root of r in [lo^2, hi^2] when it is the only one there (fewer
    generators for the zero test); else the power itself."""
    if not isinstance(a, Algebraic):
        return ["num", a * a]
    if all(c == 0 for c in a.poly[1::2]) and (a.lo >= 0 or a.hi <= 0):
        lo, hi = sorted((a.lo * a.lo, a.hi * a.hi))
        try:
            y = Algebraic(a.poly[0::2], lo, hi)
            return ["num", y.lo if y.is_rational else y]
        except Rejected:
            pass
    return ["pow", ["num", a], ["num", Fraction(2)]]


def check_dual(node):
    """True when the dual certificate proves the point a global optimum; else Rejected."""
    env, variables, constraints = _problem(node)
    try:
        multipliers = [number(x) for x in node["multipliers"]]
        labels = [number(y) for y in node["labels"]]
        slope = number(node["slope"])
        neurons = [[[number(a) for a in x] for x in n["inputs"]] for n in node["neurons"]]
    except (KeyError, TypeError):
        raise Rejected("malformed dual certificate")
    if not isinstance(slope, Fraction) or not (0 <= slope <= 1):
        raise Rejected("the slope below 0 is a rational in [0, 1]")
    n = len(constraints)
    if len(multipliers) != n or len(labels) != n or any(len(inputs) != n for inputs in neurons):
        raise Rejected("the multipliers, labels and inputs are not one per constraint")
    if any(m < 0 for m in _margins(env, constraints)):
        raise Rejected("the point is not feasible")
    if any(_sign(["num", x], {}) < 0 for x in multipliers):
        raise Rejected("a negative multiplier")
    half_norm = ["mul", ["num", Fraction(1, 2)], ["add"] + [_square(env[v]) for v in variables]]
    total = _combination([(Fraction(-1), ["num", x]) for x in multipliers])
    if _sign(["add", half_norm, total], {}) != 0:
        raise Rejected("sum lambda_i != 1/2 |theta|^2")
    if n > MAXIMUM_INPUTS:
        raise NotCheckable("more than %d data points: every activation set is enumerated" % MAXIMUM_INPUTS)
    weights = [["mul", ["num", l], ["num", y]] for l, y in zip(multipliers, labels)]
    for j, (inputs, listed) in enumerate(zip(neurons, node["neurons"])):
        excluded = _exclusions(listed, n)
        for positive in product((True, False), repeat=n):
            g = [["add", ["num", Fraction(0)]] + [["mul", w, ["num", x[k]]] + ([] if on else [["num", slope]])
                                                for w, x, on in zip(weights, inputs, positive)]
                 for k in range(len(inputs[0]) if inputs else 0)]
            squared = ["add", ["num", Fraction(0)]] + [["pow", gk, ["num", Fraction(2)]] for gk in g]
            if _sign(["add", ONE, ["mul", ["num", Fraction(-1)], squared]], {}) >= 0:
                continue
            if positive not in excluded:
                raise Rejected("hidden neuron %d: |g_A|^2 > 1 for A = %s, a cell not excluded" % (
                    j + 1, [i + 1 for i, on in enumerate(positive) if on]))
            _check_empty_cell(inputs, positive, excluded[positive], j)
    return True


def _exclusions(listed, n):
    """{positive pattern: Gordan weights mu} of the cells the certificate says are empty."""
    try:
        out = {tuple(bool(b) for b in e["positive"]): [number(m) for m in e["weights"]] for e in listed.get("excluded", [])}
    except (KeyError, TypeError, AttributeError):
        raise Rejected("malformed excluded cells")
    if any(len(k) != n or len(m) != n for k, m in out.items()):
        raise Rejected("an excluded cell is not given per data point")
    return out


def _check_empty_cell(inputs, positive, mu, j):
    """The open cell {<u, x_i> > 0 for i in A, < 0 for the other x_i != 0} is empty (Gordan):
    mu >= 0, mu_i > 0 for some x_i != 0, and sum mu_i s_i x_i = 0 (s_i = +-1 the side). On the
    unit sphere the open cells are dense (each x_i != 0 cuts along a hyperplane) and h_j is
    continuous, so the supremum is over the non-empty open cells only."""
    def nonzero(x):
        return any(_sign(["num", a], {}) != 0 for a in x)
    signs = [_sign(["num", m], {}) for m in mu]
    if any(s < 0 for s in signs) or not any(s > 0 and nonzero(x) for s, x in zip(signs, inputs)):
        raise Rejected("hidden neuron %d: the weights of an excluded cell are not nonnegative and nonzero" % (j + 1))
    for k in range(len(inputs[0])):
        total = ["add", ["num", Fraction(0)]] + [["mul", ["num", m], ["num", x[k] if on else -x[k]]]
                                                for m, x, on in zip(mu, inputs, positive)]
        if _sign(total, {}) != 0:
            raise Rejected("hidden neuron %d: an excluded cell's weights do not sum to 0" % (j + 1))
