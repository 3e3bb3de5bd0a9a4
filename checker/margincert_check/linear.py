"""Global optimality for problem (2) of a fully-connected linear network without bias (kind
`linear-optimum`, docs/certificates.md): Phi(theta; x) = <beta, x> with beta = W_m ... W_1.

For a separator u* = sum a_i y_i x_i with a >= 0 and a_i = 0 unless y_i <u*, x_i> = 1, every
feasible theta' has |beta'| |u*| >= <beta', u*> = sum a_i y_i <beta', x_i> >= sum a_i = |u*|^2, so
|theta'|^2 = sum |W'_l|_F^2 >= m (prod |W'_l|_F)^(2/m) (AM-GM) >= m |beta'|^(2/m) (|AB|_F <= |A|_F |B|_F)
>= m |u*|^(2/m): a feasible theta with |theta|^2 = m |u*|^(2/m) is a global optimum. The checker
verifies that each constraint is y_i <W_m ... W_1, x_i> as a polynomial in the point's
variables, each of which is one entry of one layer, and the rest exactly."""
from fractions import Fraction

from math import prod

import flint

from .dual import _square
from .exact import NotCheckable, Rejected, number, to_fmpq
from .kkt import ONE, _combination, _margins, _problem, _sign


def _polynomial(e, gens):
    """The constraint e as an exact polynomial (python-flint) in the point's variables."""
    op = e[0]
    if op == "num":
        if not isinstance(e[1], Fraction):
            raise NotCheckable("an algebraic coefficient in a constraint")
        return to_fmpq(e[1])
    if op == "var" and e[1] in gens:
        return gens[e[1]]
    if op in ("add", "mul"):
        values = [_polynomial(a, gens) for a in e[1:]]
        return sum(values) if op == "add" else prod(values)
    if op == "pow" and e[2][0] == "num" and e[2][1] == int(e[2][1]) >= 0:
        return _polynomial(e[1], gens) ** int(e[2][1])
    raise Rejected("a constraint of a linear network that is not a polynomial: %s" % op)


def check_linear_optimum(node):
    env, variables, constraints = _problem(node)
    try:
        layers = [[list(row) for row in layer] for layer in node["layers"]]
        inputs = [[number(a) for a in x] for x in node["inputs"]]
        labels = [number(y) for y in node["labels"]]
        u = [number(a) for a in node["separator"]]
        weights = [number(a) for a in node["weights"]]
    except (KeyError, TypeError):
        raise Rejected("malformed linear-optimum certificate")
    names = [v for layer in layers for row in layer for v in row]
    if sorted(names) != variables:
        raise Rejected("the layers' entries are not the point's variables, each once")
    gens = dict(zip(variables, flint.fmpq_mpoly_ctx.get(("x", len(variables)), "lex").gens()))
    beta = [[gens[v] for v in row] for row in layers[0]]
    for layer in layers[1:]:
        if any(len(row) != len(beta) for row in layer):
            raise Rejected("the layers' shapes do not chain")
        beta = [[sum(gens[w] * b[j] for w, b in zip(row, beta)) for j in range(len(beta[0]))] for row in layer]
    n = len(constraints)
    if len(beta) != 1 or len(inputs) != n or len(labels) != n or len(weights) != n or \
            any(len(x) != len(beta[0]) or len(x) != len(u) for x in inputs):
        raise Rejected("the network, data, separator and weights do not fit together")
    if any(not isinstance(a, Fraction) for a in labels + [a for x in inputs for a in x]):
        raise NotCheckable("irrational data")
    for i, (c, x, y) in enumerate(zip(constraints, inputs, labels)):
        output = sum(b * to_fmpq(a) for b, a in zip(beta[0], x))
        if _polynomial(c, gens) - output * to_fmpq(y) != 0:
            raise Rejected("constraint %d is not y_%d <W_m ... W_1, x_%d>" % (i + 1, i + 1, i + 1))
    if any(m < 0 for m in _margins(env, constraints)):
        raise Rejected("the point is not feasible")
    if any(_sign(["num", a], {}) < 0 for a in weights):
        raise Rejected("a negative weight")
    def value(*factors):
        return ["mul"] + [["num", f] for f in factors]
    for k, uk in enumerate(u):
        if _sign(_combination([(Fraction(-1), ["num", uk])] + [(ONE[1], value(a, y, x[k])) for a, y, x in zip(weights, labels, inputs)]), {}):
            raise Rejected("the separator is not sum a_i y_i x_i")
    for i, (a, y, x) in enumerate(zip(weights, labels, inputs)):
        if _sign(["num", a], {}) and _sign(_combination([(Fraction(-1), ONE)] + [(ONE[1], value(y, uk, xk)) for uk, xk in zip(u, x)]), {}):
            raise Rejected("a positive weight a_%d where y_%d <u*, x_%d> != 1" % (i + 1, i + 1, i + 1))
    m = Fraction(len(layers))
    norm = ["mul", ["num", 1 / m], ["add"] + [_square(env[v]) for v in variables]]
    if _sign(["add", ["pow", norm, ["num", m]], ["mul", ["num", Fraction(-1)], ["add"] + [_square(a) for a in u]]], {}):
        raise Rejected("|theta|^2 != m |u*|^(2/m)")
    return True
