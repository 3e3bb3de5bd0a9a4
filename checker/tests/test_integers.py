"""Claims over the integers with symbolic exponents (fixtures.proof lines 27-37, ours) and the
closed form of a linear network (proofs/vss-thm3.1-B.proof line 25): each certificate
re-verifies; each alteration is rejected."""
import copy
import unittest

from margincert_check.exact import Rejected
from margincert_check.verify import check_document

from .test_tampering import load, load_named

SQRT = {n: {"root_of": [str(-n), "0", "1"], "in": ["2", "3"]} for n in (6, 7, 8)}


class Integers(unittest.TestCase):
    def assertRejected(self, document, why):
        with self.assertRaises(Rejected, msg=why):
            check_document(document)

    def test_they_reverify(self):
        for line in (28, 29, 30, 31, 33, 34, 36, 37):
            with self.subTest(line=line):
                check_document(load(line))

    def test_cut_point_moved(self):
        d = load(28)  # cut points sqrt(7), sqrt(8); no integer between them
        d["certificate"]["cut_points"][1] = "7/2"
        self.assertRejected(copy.deepcopy(d), "(sqrt(7), 7/2) holds the integer 3, the certificate says none")
        d["certificate"]["integers"][3] = {"least": "3", "signs": [1, 1]}
        self.assertRejected(d, "(n^2 - 7)(n^2 - 8) changes sign at sqrt(8), inside (sqrt(7), 7/2)")
        d = load(29)  # 5/2 and 8/3 moved to 7/2: the cell (5/2, 7/2) holds 3 and the root 8/3
        d["certificate"]["cut_points"][1] = "7/2"
        d["certificate"]["integers"][3] = {"least": "3", "signs": [1, 1]}
        self.assertRejected(d, "a root inside a cell with an integer")

    def test_interval_widened_past_a_root(self):
        d = load(28)
        d["certificate"]["cut_points"][0]["in"] = ["-3", "3"]
        self.assertRejected(d, "the interval holds both roots of x^2 - 7")

    def test_sign_flipped(self):
        for line, element, condition in ((28, 0, 1), (30, 1, 1), (33, 0, 1), (33, 1, 0)):
            with self.subTest(line=line):
                d = load(line)
                entry = d["certificate"]["integers"][element]
                entry["signs"][condition] = 1 - entry["signs"][condition] if entry["signs"][condition] <= 0 else -1
                self.assertRejected(d, "the sign at the least integer is recomputed")

    def test_cell_dropped(self):
        d = load(28)  # without sqrt(8) the unbounded cell (sqrt(7), inf) holds 3 and the root sqrt(8)
        d["certificate"]["cut_points"].pop()
        d["certificate"]["integers"][3:] = [{"least": "3", "signs": [1, 1]}]
        self.assertRejected(d, "the tail cell has a root")
        d = load(28)
        d["certificate"]["integers"].pop(1)
        self.assertRejected(d, "one entry per element")

    def test_integers_misstated(self):
        d = load(28)
        d["certificate"]["integers"][3] = {"least": "3", "signs": [1, 1]}  # (sqrt(7), sqrt(8)) holds none
        self.assertRejected(d, "no integer in the cell")
        d = load(28)
        d["certificate"]["integers"][5]["least"] = "4"
        self.assertRejected(d, "3 is the least integer of the last cell")

    def test_exponent_altered(self):
        d = load(28)  # the content 3^(-1/n) altered to 3^(-2/n)
        content = d["certificate"]["contents"][1]
        self.assertIn(["num", "-1"], content[2][2])
        content[2][2][1] = ["num", "-2"]
        self.assertRejected(d, "3^(1/n) left after the division")
        d = load(30)  # 5^(1 - 1/n) (n - 4) + ... = 0 with 5^(1 - 2/n) instead
        self.assertRejected(_replaced(d, ["num", "-1"], ["num", "-2"], in_condition=1), "5^(-1/n) left")

    def test_base_altered(self):
        d = load(36)  # the content (j + 1)^(1/j) with its base altered to j - 3
        d["certificate"]["contents"][-1][2][1] = ["add", ["num", "-3"], ["mul", ["num", "1"], ["var", "j"]]]
        self.assertRejected(d, "(j - 3)^(1/j) does not divide (j + 1)^(1/j)")

    def test_range_widened(self):
        d = load(33)  # k >= 3 widened to k >= 2: at k = 2, 0 >= 1 fails
        d["certificate"]["lower"]["value"] = "2"
        d["certificate"]["integers"][0]["least"] = "2"
        self.assertRejected(d, "the claim fails at k = 2")


def _replaced(document, old, new, in_condition):
    """The document with the first subexpression `old` of a condition's lhs replaced by `new`."""
    def walk(e):
        if e == old:
            return new, True
        if isinstance(e, list):
            for i, child in enumerate(e):
                e[i], done = walk(child)
                if done:
                    return e, True
        return e, False
    condition = document["certificate"]["conditions"][in_condition]
    condition["lhs"], done = walk(condition["lhs"])
    assert done
    return document


class LinearOptimum(unittest.TestCase):
    def assertRejected(self, document):
        with self.assertRaises(Rejected):
            check_document(document)

    def test_it_reverifies(self):
        check_document(load_named("linear-optimum"))

    def test_alterations(self):
        changes = [
            lambda c: c["separator"].__setitem__(0, "7"),                 # u* is not sum a_i y_i x_i
            lambda c: c["weights"].__setitem__(0, "5"),                   # nor with this weight
            lambda c: c["weights"].__setitem__(1, "1"),                   # a weight off the active set
            lambda c: c["layers"][0][0].reverse(),                        # the constraints are not this product
            lambda c: c["layers"].pop(),                                  # a layer dropped
            lambda c: c["point"].__setitem__("W3[1]", "3"),               # |theta|^2 != m |u*|^(2/m)
            lambda c: c["inputs"][0].__setitem__(0, "1/4"),               # other data
        ]
        for i, change in enumerate(changes):
            with self.subTest(change=i):
                d = load_named("linear-optimum")
                change(d["certificate"])
                self.assertRejected(d)


if __name__ == "__main__":
    unittest.main()
