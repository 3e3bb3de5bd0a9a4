"""Certificates written by `margincert check checker/tests/fixtures.proof --certificates DIR`
(stored in tests/certificates, named by line) re-verify, and every tampered copy is rejected."""
import json
import os
import unittest

from margincert_check.exact import NotCheckable, Rejected
from margincert_check.verify import check_document, check_node

HERE = os.path.dirname(os.path.abspath(__file__))


def load(line):
    with open(os.path.join(HERE, "certificates", "line%d.json" % line), encoding="utf-8") as f:
        return json.load(f)


def first_part(document):
    """The over-range certificate of a claim (the first part of a compound one)."""
    node = document["certificate"]
    return node["parts"][0]["certificate"] if node["kind"] == "all" else node


class Fixtures(unittest.TestCase):
    def test_every_certificate_of_a_known_kind_reverifies(self):
        for line in (6, 7, 8, 9, 10, 11, 12, 13, 15, 18, 20, 21, 22, 23, 24):
            with self.subTest(line=line):
                check_document(load(line))

    def test_a_claim_without_a_certificate_kind_is_not_checkable(self):
        with self.assertRaises(NotCheckable):
            check_document(dict(load(26), certificate={"kind": "not-certified", "reason": "no certificate kind for it yet"}))


class Tampering(unittest.TestCase):
    """Each alteration must be rejected (the checker says why)."""

    def test_counterexample_moved_out_of_the_range(self):
        x = ["var", "x"]
        node = {"kind": "at-point", "conditions": [{"lhs": x, "relation": "<", "rhs": ["num", "1"]}],
                "assignment": {"x": "2"}, "holds": False,
                "within": [{"lhs": x, "relation": ">", "rhs": ["num", "0"]}, {"lhs": x, "relation": "<=", "rhs": ["num", "3"]}]}
        self.assertFalse(check_node(node))
        for moved in ("4", "-1"):
            with self.subTest(x=moved):
                with self.assertRaises(Rejected):
                    check_node(dict(node, assignment={"x": moved}))

    def assertRejected(self, document, why):
        with self.assertRaises(Rejected, msg=why):
            check_document(document)

    def test_cut_point_moved(self):
        d = load(6)  # relu(1/2 - eps): the cut point 1/2
        first_part(d)["cut_points"] = ["3/5"]
        first_part(d)["samples"] = ["1/3", "4/5"]
        self.assertRejected(d, "the kink argument 1/2 - eps changes sign inside the first cell")

    def test_algebraic_cut_point_moved_off_its_root(self):
        d = load(7)  # the cut point 1/sqrt(2), a root of 2x^2 - 1
        first_part(d)["cut_points"][0]["in"] = ["3/4", "1"]
        self.assertRejected(d, "no root of the polynomial in the interval")

    def test_interval_widened_past_a_root(self):
        d = load(7)
        first_part(d)["cut_points"][0]["in"] = ["-1", "1"]
        self.assertRejected(d, "the interval holds both roots of 2x^2 - 1")

    def test_cell_dropped(self):
        d = load(7)
        first_part(d)["cut_points"] = []
        first_part(d)["samples"] = first_part(d)["samples"][:1]
        self.assertRejected(d, "one cell over a sign change of eps^2 - 1/2")

    def test_sample_dropped(self):
        d = load(8)
        first_part(d)["samples"] = first_part(d)["samples"][1:]
        self.assertRejected(d, "fewer samples than cells")

    def test_sample_outside_its_cell(self):
        d = load(8)
        first_part(d)["samples"] = list(reversed(first_part(d)["samples"]))
        self.assertRejected(d, "samples out of order")

    def test_sign_flipped(self):
        d = load(8)
        condition = first_part(d)["conditions"][-1]
        condition["relation"] = "<"
        self.assertRejected(d, "sqrt(eps) + relu(eps - 1/4) < 0 is false")

    def test_coefficient_sign_flipped(self):
        d = load(6)
        lhs = first_part(d)["conditions"][-1]["lhs"]
        self.assertEqual(lhs[2], ["mul", ["num", "1"], ["var", "eps"]])
        lhs[2][1] = ["num", "-1"]
        self.assertRejected(d, "relu(1/2 - eps) - eps >= 1/2 is false")

    def test_rational_counterexample_altered(self):
        d = load(10)  # fails at a sample in (2/3, 1)
        d["certificate"]["assignment"]["eps"] = "1/2"
        self.assertRejected(d, "the claim holds at 1/2")

    def test_algebraic_counterexample_altered(self):
        d = load(9)  # fails at sqrt(2)
        d["certificate"]["assignment"]["eps"] = {"root_of": ["-3", "0", "1"], "in": ["1", "2"]}
        self.assertRejected(d, "eps^2 - 2 != 0 holds at sqrt(3)")

    def test_constant_altered(self):
        d = load(11)
        d["certificate"]["conditions"][-1]["rhs"] = ["num", {"root_of": ["-7", "0", "1"], "in": ["2", "3"]}]
        self.assertRejected(d, "sqrt(2) sqrt(3) != sqrt(7)")

    def test_verdict_flipped(self):
        d = load(11)
        d["verdict"] = "refuted"
        self.assertRejected(d, "the conditions hold")

    def test_refutation_claimed_as_proof(self):
        d = load(10)
        d["verdict"] = "proved"
        d["certificate"]["holds"] = True
        self.assertRejected(d, "the conditions fail at the witness")

    def test_compound_part_altered(self):
        d = load(18)  # kkt is not a local optimum: p(s) feasible, shorter, p(s) -> kkt
        limit = d["certificate"]["parts"][-1]["certificate"]
        limit["assignment"]["s"] = "1/10"
        self.assertRejected(d, "the distance is not 0 at s = 1/10")

    def test_conditions_dropped(self):
        d = load(11)
        d["certificate"]["conditions"] = []
        self.assertRejected(d, "a certificate of nothing")

    def test_range_widened(self):
        d = load(8)  # sqrt(eps) + relu(eps - 1/4) > 0 on (0, 1): sqrt(eps) is undefined below 0
        first_part(d)["lower"]["value"] = "-1"
        first_part(d)["samples"][0] = "-1/2"
        self.assertRejected(d, "sqrt(eps) is undefined for eps < 0")


def load_named(name):
    with open(os.path.join(HERE, "certificates", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


class NewKinds(unittest.TestCase):
    """Certificates of proofs/ (stored in tests/certificates by name): class labels with the
    realized pieces of tied classes, printed multipliers refuted with offsets, and a dual
    certificate with empty cells. Each re-verifies; each alteration is rejected."""

    def assertRejected(self, document):
        with self.assertRaises(Rejected):
            check_document(document)

    def test_they_reverify(self):
        for name in ("classes-kkt", "classes-wrong-lambda", "dual"):
            with self.subTest(name=name):
                check_document(load_named(name))

    def test_piece_weight_or_direction_altered(self):
        d = load_named("classes-kkt")
        d["certificate"]["pieces"][0][0]["weight"], d["certificate"]["pieces"][0][1]["weight"] = "1/2", "1/6"
        self.assertRejected(d)
        d = load_named("classes-kkt")
        d["certificate"]["pieces"][0][1]["direction"] = d["certificate"]["pieces"][0][0]["direction"]
        self.assertRejected(d)

    def test_pieces_dropped_are_not_accepted(self):
        d = load_named("classes-kkt")
        del d["certificate"]["pieces"]
        with self.assertRaises(NotCheckable):
            check_document(d)

    def test_lambda_changed(self):
        d = load_named("classes-kkt")
        d["certificate"]["multipliers"][0] = "1/3"
        self.assertRejected(d)

    def test_offsets_or_farkas_altered(self):
        for change in (lambda c: c["offsets"].__setitem__(0, "100"), lambda c: c["offsets"].__setitem__(2, "-100"),
                       lambda c: c["farkas"].__setitem__("W1[4]", "9")):
            d = load_named("classes-wrong-lambda")
            change(d["certificate"])
            self.assertRejected(d)

    def test_dual_cell_dropped_or_weights_altered(self):
        d = load_named("dual")
        d["certificate"]["neurons"][0]["excluded"].pop()
        self.assertRejected(d)
        d = load_named("dual")
        d["certificate"]["neurons"][0]["excluded"][0]["weights"] = ["1/2", "1/2", "0", "0"]
        self.assertRejected(d)

    def test_dual_multiplier_or_label_altered(self):
        d = load_named("dual")
        d["certificate"]["multipliers"][0] = "1"
        self.assertRejected(d)
        d = load_named("dual")
        d["certificate"]["labels"][1] = "2"
        self.assertRejected(d)



if __name__ == "__main__":
    unittest.main()


class TamperingOptimality(unittest.TestCase):
    """KKT, Farkas, better-point, arc and exp certificates: each alteration is rejected."""

    def assertRejected(self, document, why):
        with self.assertRaises(Rejected, msg=why):
            check_document(document)

    def test_multiplier_changed(self):
        for line in (15, 21):
            d = load(line)
            d["certificate"]["multipliers"][0] = "3"
            if "printed" in d["certificate"]:
                d["certificate"]["printed"][0] = "3"
            with self.subTest(line=line):
                self.assertRejected(d, "lambda = (3, 2) does not give stationarity")

    def test_printed_multipliers_are_the_claims(self):
        d = load(21)
        d["certificate"]["printed"] = ["1", "1"]
        self.assertRejected(d, "the certified lambda is not the printed one")

    def test_kkt_point_moved(self):
        d = load(15)
        d["certificate"]["point"]["v[1]"] = "3"  # margins 3/2: no active constraint, lambda != 0
        self.assertRejected(d, "the point moved off the active set")
        d = load(15)
        d["certificate"]["point"]["w1[1]"] = "1/10"  # breaks the symmetry of lambda
        self.assertRejected(d, "the point moved")

    def test_kkt_constraint_changed(self):
        d = load(15)
        d["certificate"]["constraints"] = d["certificate"]["constraints"][:1]
        self.assertRejected(d, "a constraint dropped")

    def test_farkas_vector_altered(self):
        for change in ({"v[1]": "5"}, {"w1[2]": "1", "v[1]": "1"}):
            d = load(20)
            d["certificate"]["farkas"].update(change)
            with self.subTest(change=change):
                self.assertRejected(d, "y no longer separates")

    def test_farkas_vector_at_a_kkt_point(self):
        d = load(20)
        d["certificate"]["point"] = load(15)["certificate"]["point"]
        self.assertRejected(d, "a KKT point has no Farkas vector")

    def test_better_point_altered(self):
        d = load(23)
        conditions = d["certificate"]["certificate"]["conditions"]
        conditions[-1]["lhs"] = ["num", "18"]  # not shorter than ||theta||^2 = 17
        self.assertRejected(d, "the better point is not shorter")

    def test_negation_dropped(self):
        d = load(23)
        d["certificate"] = d["certificate"]["certificate"]
        self.assertRejected(d, "a better point refutes optimality; it does not prove it")

    def test_found_arc_altered(self):
        d = load(22)
        first = d["certificate"]["parts"][0]["certificate"]
        first["upper"]["value"] = "1"  # past s0 = 1/4 the arc leaves the feasible set
        self.assertRejected(d, "the arc is feasible only on (0, 1/4)")

    def test_exp_identity_altered(self):
        d = load(24)
        d["certificate"]["conditions"][-1]["rhs"] = ["mul", ["num", "3"], ["exp", ["num", "-1"]]]
        self.assertRejected(d, "2 exp(-1) != 3 exp(-1)")
