"""KKT certificates written by hand (ours; no paper): small ReLU constraints whose KKT status is
computed on paper, re-verified, and rejected once λ, the point or the Farkas vector is altered."""
import copy
from fractions import Fraction
import unittest

from margincert_check.exact import NotCheckable, Rejected
from margincert_check.kkt import derivative, piece_gradients
from margincert_check.expr import parse
from margincert_check.verify import check_node, sign_at


def relu(e):
    return ["relu", e]


def var(name):
    return ["var", name]


def mul(*factors):
    return ["mul"] + list(factors)


def add(*terms):
    return ["add"] + list(terms)


def num(x):
    return ["num", x]


# c(w, v) = v relu(w): at (w, v) = (1, 1), c = 1 and grad c = (v, w) = (1, 1) = 1 * (w, v).
ONE_NEURON = {"kind": "kkt", "point": {"w": "1", "v": "1"}, "constraints": [mul(var("v"), relu(var("w")))],
              "multipliers": ["1"]}
# c = v1 relu(w1) + v2 relu(w2) at (1, 1, 0, 0): the kink w2 = 0 has two pieces with one gradient.
DEAD_NEURON = {"kind": "kkt", "point": {"w1": "1", "v1": "1", "w2": "0", "v2": "0"},
               "constraints": [add(mul(var("v1"), relu(var("w1"))), mul(var("v2"), relu(var("w2"))))],
               "multipliers": ["1"]}
# c = v relu(w) at (2, 1/2): c = 1, grad c = (1/2, 2) is not parallel to (2, 1/2); y = (-1, 1/4).
NOT_PARALLEL = {"kind": "not-kkt", "point": {"w": "2", "v": "1/2"}, "constraints": [mul(var("v"), relu(var("w")))],
                "farkas": {"w": "-1", "v": "1/4"}}
# c = v1 relu(w1) + v2 relu(w2) at (1, 1, 0, 1): the pieces' gradients (1, 1, s, 0), s in {0, 1},
# never reach v2 = 1; y = (0, 0, 0, -1).
LIVE_KINK = {"kind": "not-kkt", "point": {"w1": "1", "v1": "1", "w2": "0", "v2": "1"},
             "constraints": [add(mul(var("v1"), relu(var("w1"))), mul(var("v2"), relu(var("w2"))))],
             "farkas": {"v2": "-1"}}
# c = 1 + |x| + relu(y - x) at (0, 0): c = 1 is active, and (0, 0) = 1 * g needs g = 0 in the
# Clarke subdifferential. The pieces' gradients are (s - t, t), s = +-1 the side of x, t = 1 when
# y > x: (0, 0) = 1/2 (1, 0) + 1/2 (-1, 0), the pieces realized along (1, -1) (x > 0, y < x) and
# (-1, -2) (x < 0, y < x).
SEVERAL_PIECES = {"kind": "kkt", "point": {"x": "0", "y": "0"},
                  "constraints": [add(num("1"), ["abs", var("x")], relu(add(var("y"), mul(num("-1"), var("x")))))],
                  "multipliers": ["1"],
                  "pieces": [[{"direction": {"x": "1", "y": "-1"}, "weight": "1/2"},
                              {"direction": {"x": "-1", "y": "-2"}, "weight": "1/2"}]]}

# min 1/2 (u^2 + w^2) s.t. u + w >= 1 (affine): (1/2, 1/2) = 1/2 * (1, 1), the global minimum.
CONVEX = {"kind": "convex-kkt", "certificate": {"kind": "kkt", "point": {"u": "1/2", "w": "1/2"},
                                               "constraints": [add(var("u"), var("w"))], "multipliers": ["1/2"]}}
# min |b|_1 s.t. b1 + b2/2 >= 1 at (1, 0): s = 1 * (1, 1/2), s1 = sign 1, |s2| <= 1.
L1 = {"kind": "kkt", "objective": "l1", "point": {"b1": "1", "b2": "0"},
      "constraints": [add(var("b1"), mul(num("1/2"), var("b2")))], "multipliers": ["1"]}
# ONE_NEURON with the printed lambda = 2: g = (1, 1), y = (1, 1), z = -2: y.g + z = 0 >= 0 and
# y.v + z lambda = 2 - 4 < 0, so no subgradient gives v = 2 g.
WRONG_PRINTED = {"kind": "not-kkt", "point": {"w": "1", "v": "1"}, "constraints": [mul(var("v"), relu(var("w")))],
                 "farkas": {"w": "1", "v": "1"}, "printed": ["2"], "offsets": ["-2"]}

# Phi = v relu(w x), one example x = 1, y = 1: (w, v) = (1, 1) is feasible, lambda = 1 = 1/2 |theta|^2,
# and the one neuron's |g_A|^2 is 1 (A = {1}) or 0 (A = {}): a global optimum by weak duality.
DUAL = {"kind": "dual", "point": {"w": "1", "v": "1"}, "constraints": [mul(var("v"), relu(var("w")))],
        "multipliers": ["1"], "labels": ["1"], "slope": "0", "neurons": [{"inputs": [["1"]]}]}


class Derivatives(unittest.TestCase):
    def test_derivative_of_a_product_with_a_root(self):
        e = parse(mul(var("x"), ["pow", var("x"), num("1/2")]))  # x^(3/2)
        d = derivative(e, "x")
        expected = parse(mul(num("-3/2"), ["pow", var("x"), num("1/2")]))
        self.assertEqual(sign_at(add(d, expected), {"x": Fraction(4)}), 0)

    def test_a_zero_kink_has_both_pieces(self):
        c = parse(DEAD_NEURON["constraints"][0])
        env = {"w1": Fraction(1), "v1": Fraction(1), "w2": Fraction(0), "v2": Fraction(1)}
        grads = piece_gradients(c, ["v1", "v2", "w1", "w2"], env)
        self.assertEqual(sorted(sign_at(g[3], env) for g in grads), [0, 1])


class Certificates(unittest.TestCase):
    def test_kkt_points_reverify(self):
        self.assertTrue(check_node(ONE_NEURON))
        self.assertTrue(check_node(DEAD_NEURON))

    def test_a_combination_of_realized_pieces_reverifies(self):
        self.assertTrue(check_node(SEVERAL_PIECES))

    def test_convex_l1_and_printed_certificates_reverify(self):
        self.assertTrue(check_node(CONVEX))
        self.assertTrue(check_node(L1))
        self.assertTrue(check_node(dict(CONVEX, certificate=L1)))
        self.assertFalse(check_node(WRONG_PRINTED))
        self.assertFalse(check_node(dict(WRONG_PRINTED, printed=["-1"], offsets=None)))

    def test_a_dual_certificate_reverifies(self):
        self.assertTrue(check_node(DUAL))
        self.assertTrue(check_node(dict(DUAL, slope="1/2")))

    def test_dual_certificate_altered(self):
        for change in ({"multipliers": ["2"]}, {"point": {"w": "2", "v": "1/2"}}, {"labels": ["2"]}, {"slope": "2"},
                       {"point": {"w": "1/2", "v": "1"}}, {"neurons": [{"inputs": [["3/2"]]}]}, {"multipliers": ["-1"]}):
            with self.subTest(change=change):
                with self.assertRaises(Rejected):
                    check_node(dict(DUAL, **change))

    def test_not_kkt_points_reverify(self):
        self.assertFalse(check_node(NOT_PARALLEL))
        self.assertFalse(check_node(LIVE_KINK))

    def test_a_kink_with_pieces_of_different_gradients_is_not_checkable(self):
        d = copy.deepcopy(DEAD_NEURON)
        d["point"]["v2"] = "1"
        d["point"]["v1"] = "0"
        d["point"]["w1"] = "0"
        d["constraints"] = [add(num("1"), d["constraints"][0])]  # c = 1 + …, active at the point
        d["multipliers"] = ["1"]
        with self.assertRaises(NotCheckable):
            check_node(d)


class Tampering(unittest.TestCase):
    def assertRejected(self, node):
        with self.assertRaises(Rejected):
            check_node(node)

    def test_multiplier_altered(self):
        d = copy.deepcopy(ONE_NEURON)
        d["multipliers"] = ["2"]
        self.assertRejected(d)

    def test_negative_multiplier(self):
        d = copy.deepcopy(DEAD_NEURON)
        d["multipliers"] = ["-1"]
        self.assertRejected(d)

    def test_printed_multipliers_differ(self):
        d = copy.deepcopy(ONE_NEURON)
        d["printed"] = ["3/2"]
        self.assertRejected(d)

    def test_point_altered(self):
        for w, v in (("2", "1"), ("1", "2"), ("1/2", "1")):
            d = copy.deepcopy(ONE_NEURON)
            d["point"] = {"w": w, "v": v}
            with self.subTest(w=w, v=v):
                self.assertRejected(d)

    def test_piece_weights_or_directions_altered(self):
        for first, second in ((("1", "-1"), "1/3"), (("1", "2"), "1/2"), (("-1", "-3"), "1/2")):
            d = copy.deepcopy(SEVERAL_PIECES)
            d["pieces"][0][0]["direction"] = {"x": first[0], "y": first[1]}
            d["pieces"][0][1]["weight"] = second
            with self.subTest(direction=first, weight=second):
                self.assertRejected(d)

    def test_weights_not_summing_to_the_multiplier_or_negative(self):
        for weights in (("1", "1"), ("3/2", "-1/2")):
            d = copy.deepcopy(SEVERAL_PIECES)
            for p, w in zip(d["pieces"][0], weights):
                p["weight"] = w
            with self.subTest(weights=weights):
                self.assertRejected(d)

    def test_a_direction_along_a_kink_is_not_checkable(self):
        d = copy.deepcopy(SEVERAL_PIECES)
        d["pieces"][0][0]["direction"] = {"x": "0", "y": "1"}  # |x| keeps both sides
        with self.assertRaises(NotCheckable):
            check_node(d)

    def test_a_kkt_point_of_a_non_affine_constraint_is_not_certified_global(self):
        d = copy.deepcopy(CONVEX)
        d["certificate"].update(point={"u": "1", "w": "1"}, constraints=[mul(var("u"), var("w"))], multipliers=["1"])
        self.assertTrue(check_node(d["certificate"]))  # KKT, but not shown to be global
        self.assertRejected(d)

    def test_l1_multiplier_or_point_altered(self):
        for point, λ in (({"b1": "1", "b2": "0"}, "2"), ({"b1": "0", "b2": "2"}, "2"), ({"b1": "0", "b2": "2"}, "1")):
            d = dict(L1, point=point, multipliers=[λ])
            with self.subTest(point=point, λ=λ):
                self.assertRejected(d)

    def test_printed_multipliers_refutation_altered(self):
        for change in ({"offsets": ["-1"]}, {"printed": ["1"]}, {"farkas": {"w": "-1", "v": "-1"}}, {"offsets": []}):
            with self.subTest(change=change):
                self.assertRejected(dict(WRONG_PRINTED, **change))

    def test_farkas_vector_altered(self):
        for y in ({"w": "1", "v": "-1/4"}, {"w": "-1", "v": "1/5"}, {"w": "-1"}):
            d = copy.deepcopy(NOT_PARALLEL)
            d["farkas"] = y
            with self.subTest(y=y):
                self.assertRejected(d)

    def test_farkas_vector_against_one_piece_only(self):
        d = copy.deepcopy(LIVE_KINK)
        d["farkas"] = {"w2": "-1", "v2": "-1"}  # y.g = -1 on the piece with s = 1
        self.assertRejected(d)

    def test_farkas_at_a_kkt_point(self):
        d = dict(ONE_NEURON, kind="not-kkt", farkas={"w": "-1", "v": "-1"})
        del d["multipliers"]
        self.assertRejected(d)


if __name__ == "__main__":
    unittest.main()
