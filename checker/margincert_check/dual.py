"""Dual certificates (docs/certificates.md, kind `dual`) of global optimality for problem (2) of
a depth-2 network without shared weights, Phi(theta; x) = sum_j v_j sigma(<w_j, x>), sigma linear,
ReLU or leaky ReLU (slope alpha below 0), w_j free on the coordinates S_j.

Weak duality: for lambda >= 0 and feasible theta', with h_j(u) = sum_i lambda_i y_i sigma(<u, x_i>)
(sigma is positively homogeneous) and M_j = sup |h_j(u)| over unit u supported on S_j,
    sum lambda_i <= sum_i lambda_i y_i Phi(theta'; x_i) = sum_j v'_j |w'_j| h_j(w'_j/|w'_j|)
                 <= sum_j |v'_j| |w'_j| M_j <= 1/2 |theta'|^2   when every M_j <= 1 (AM-GM),
so a feasible theta with 1/2 |theta|^2 = sum lambda_i is a global optimum. Where <u, x_i> > 0
exactly for i in A, h_j(u) = <u, g_A> with g_A = sum_{i in A} c_i x_i + alpha sum_{i not in A} c_i x_i
(c_i = lambda_i y_i), so M_j <= max over all subsets A of |g_A|: the checker verifies |g_A|^2 <= 1
for every subset (the realizable cells are among them). Trusted, like the constraints' meaning:
that the network has this form, with the listed data restricted to each S_j."""
from fractions import Fraction
from itertools import product

from .exact import NotCheckable, Rejected, number
from .kkt import ONE, _combination, _margins, _problem, _sign

MAXIMUM_INPUTS = 16


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
    half_norm = ["mul", ["num", Fraction(1, 2)], ["add"] + [["pow", ["var", v], ["num", Fraction(2)]] for v in variables]]
    total = _combination([(Fraction(-1), ["num", x]) for x in multipliers])
    if _sign(["add", half_norm, total], env) != 0:
        raise Rejected("sum lambda_i != 1/2 |theta|^2")
    if n > MAXIMUM_INPUTS:
        raise NotCheckable("more than %d data points: every activation set is enumerated" % MAXIMUM_INPUTS)
    weights = [["mul", ["num", l], ["num", y]] for l, y in zip(multipliers, labels)]
    for j, inputs in enumerate(neurons):
        for positive in product((True, False), repeat=n):
            g = [["add", ["num", Fraction(0)]] + [["mul", w, ["num", x[k]]] + ([] if on else [["num", slope]])
                                                for w, x, on in zip(weights, inputs, positive)]
                 for k in range(len(inputs[0]) if inputs else 0)]
            squared = ["add", ["num", Fraction(0)]] + [["pow", gk, ["num", Fraction(2)]] for gk in g]
            if _sign(["add", ONE, ["mul", ["num", Fraction(-1)], squared]], {}) < 0:
                raise Rejected("hidden neuron %d: |g_A|^2 > 1 for A = %s" % (
                    j + 1, [i + 1 for i, on in enumerate(positive) if on]))
    return True
