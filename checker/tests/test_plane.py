"""Two-parameter certificates (`over-region`) and KKT over a data family (`kkt-family`),
written by `margincert check checker/tests/fixtures.proof checker/tests/family.proof
--certificates DIR` (our constructions; stored in tests/certificates as lineN.json and
family-lineN.json): they re-verify, and every tampered copy is rejected."""
import json
import os
import unittest

from margincert_check.exact import Rejected
from margincert_check.verify import check_document

HERE = os.path.dirname(os.path.abspath(__file__))


def load(name):
    with open(os.path.join(HERE, "certificates", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


class Fixtures(unittest.TestCase):
    def test_they_reverify(self):
        # 26: no critical value; 29: the algebraic critical value (sqrt(13) - 1)/2 of u where
        # w = u^2 meets w = 3 - u; 30: the critical values 1 (a discriminant) and 2 - sqrt(6)/3
        # (a resultant with the fibre's end); 31, 32: false claims refuted at points of the region.
        # 34: sqrt(u) at u = 1/2 is a generator whose conjugate -sqrt(1/2) gives the checker a root
        # w = 1/4 - sqrt(1/2) where the claim's kink arguments do not vanish: a cut point still.
        for name in ("line26", "line40", "line41", "line42", "line43", "line45", "family-line8", "family-line9"):
            with self.subTest(name=name):
                check_document(load(name))

    def test_the_critical_values_are_cut_points(self):
        node = load("line41")["certificate"]
        self.assertEqual(node["cut_points"][0], "1")
        self.assertEqual(node["cut_points"][1]["root_of"], ["10", "-12", "3"])
        self.assertEqual(len(node["fibres"]), 5)


class Tampering(unittest.TestCase):
    def assertRejected(self, document, why):
        with self.assertRaises(Rejected, msg=why):
            check_document(document)

    def test_cut_point_moved(self):
        d = load("line41")
        node = d["certificate"]
        node["cut_points"][0] = "3/4"
        node["fibres"][1]["upper"]["value"] = "9/4"  # the fibre over u = 3/4, w in (0, 9/4)
        with self.assertRaisesRegex(Rejected, "critical value"):
            check_document(d)

    def test_interval_widened_past_a_root(self):
        d = load("line41")
        d["certificate"]["cut_points"][1]["in"] = ["0", "3"]  # both roots of 3u^2 - 12u + 10
        self.assertRejected(d, "the interval holds two roots")

    def test_conjugate_cut_point_dropped(self):
        d = load("line45")
        del d["certificate"]["fibres"][0]["cut_points"][0], d["certificate"]["fibres"][0]["samples"][0]
        self.assertRejected(d, "the checker cannot tell the conjugate's root from a sign change")

    def test_cell_dropped(self):
        d = load("line41")
        node = d["certificate"]
        del node["cut_points"][0], node["samples"][0], node["fibres"][0:2]
        self.assertRejected(d, "the discriminant's root u = 1 inside a cell")

    def test_fibre_dropped_or_its_cut_point_moved(self):
        d = load("line40")
        del d["certificate"]["fibres"][1]
        self.assertRejected(d, "a fibre missing")
        d = load("line41")
        d["certificate"]["fibres"][1]["cut_points"] = ["5/4"]  # the double root w = 1 over u = 1
        self.assertRejected(d, "the fibre's cut point off its root")
        d = load("line41")
        d["certificate"]["fibres"][2] = {"empty": True}
        self.assertRejected(d, "a fibre that is not empty said to be")

    def test_sign_flipped(self):
        d = load("line40")
        d["certificate"]["conditions"][-1]["relation"] = "<"
        self.assertRejected(d, "a relation flipped")
        d = load("line40")
        d["certificate"]["fibre_upper"]["value"] = ["add", ["num", "3"], ["var", "u"]]
        self.assertRejected(d, "the fibre's end 3 - u made 3 + u")

    def test_counterexample_altered(self):
        d = load("line42")
        d["certificate"]["assignment"] = {"u": "1/2", "w": "1/2"}  # the claim holds there
        self.assertRejected(d, "not a counterexample")
        d = load("line42")
        d["certificate"]["assignment"] = {"u": "5/4", "w": "2"}  # outside w < 3 - u
        self.assertRejected(d, "outside the region")

    def test_family_lambda_changed(self):
        d = load("family-line8")
        d["certificate"]["multipliers"][0] = ["mul", ["num", "2"], ["pow", ["var", "a"], ["num", "-1"]]]
        self.assertRejected(d, "lambda1 = 2/a")
        d = load("family-line9")
        d["certificate"]["multipliers"] = load("family-line8")["certificate"]["multipliers"]
        self.assertRejected(d, "the right multipliers: KKT holds at the counterexample")

    def test_family_point_or_constraint_altered(self):
        d = load("family-line8")
        d["certificate"]["point"]["v[1]"] = ["mul", ["num", "2"], ["pow", ["var", "a"], ["num", "-1/2"]]]
        self.assertRejected(d, "the point moved")
        d = load("family-line8")
        del d["certificate"]["constraints"][1], d["certificate"]["multipliers"][1]
        self.assertRejected(d, "a constraint dropped")
        d = load("family-line8")
        d["certificate"]["samples"] = []
        self.assertRejected(d, "a cell dropped")

    def test_family_counterexample_moved_out_of_the_range(self):
        d = load("family-line9")
        d["certificate"]["counterexample"] = "3"
        self.assertRejected(d, "a = 3 is outside (0, 2]")


if __name__ == "__main__":
    unittest.main()
