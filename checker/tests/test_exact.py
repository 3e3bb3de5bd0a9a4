"""The exact layer of the checker against brute force, on seeded random inputs (the seed is in
each failure message)."""
import random
import unittest
from decimal import Decimal, getcontext
from fractions import Fraction

from margincert_check import multipoly as mp
from margincert_check.elementary import exp_bounds, log_bounds
from margincert_check.exact import Algebraic, Rejected, compare, count_open, evaluate

SEEDS = range(200)


def from_roots(roots, scale=1):
    p = [Fraction(scale)]
    for r in roots:
        p = [(p[i - 1] if i else 0) - r * (p[i] if i < len(p) else 0) for i in range(len(p) + 1)]
    return p


def decimal(x):
    return Decimal(x.numerator) / Decimal(x.denominator)


class SturmCounts(unittest.TestCase):
    def test_roots_in_open_intervals_match_brute_force(self):
        for seed in SEEDS:
            rng = random.Random(seed)
            roots = [Fraction(rng.randint(-20, 20), rng.randint(1, 4)) for _ in range(rng.randint(1, 5))]
            p = from_roots(roots + [roots[0]], scale=rng.randint(1, 5))  # one double root
            a, b = sorted(Fraction(rng.randint(-30, 30), rng.randint(1, 3)) for _ in range(2))
            expected = len({r for r in roots if a < r < b})
            self.assertEqual(count_open(p, a, b), expected, "seed %d" % seed)
            self.assertEqual(count_open(p, None, None), len(set(roots)), "seed %d" % seed)


class AlgebraicNumbers(unittest.TestCase):
    def test_isolating_intervals_are_checked(self):
        sqrt2 = Algebraic([Fraction(-2), Fraction(0), Fraction(1)], Fraction(1), Fraction(2))
        self.assertEqual(compare(sqrt2, Fraction(141421, 100000)), 1)
        with self.assertRaises(Rejected):
            Algebraic([Fraction(-2), Fraction(0), Fraction(1)], Fraction(-2), Fraction(2))
        with self.assertRaises(Rejected):
            Algebraic([Fraction(-2), Fraction(0), Fraction(1)], Fraction(2), Fraction(3))

    def test_equal_numbers_in_different_intervals_compare_equal(self):
        for seed in SEEDS:
            rng = random.Random(seed)
            n = rng.choice([2, 3, 5, 6, 7])
            p = [Fraction(-n)] + [Fraction(0)] * (rng.randint(2, 4) - 1) + [Fraction(1)]
            root = Algebraic(p, Fraction(0), Fraction(n))
            lo, hi = root.refine(Fraction(1, 1 << rng.randint(1, 30)))
            same = Algebraic(p, lo - Fraction(1, 1 << 40), hi)
            self.assertEqual(compare(root, same), 0, "seed %d" % seed)
            self.assertEqual(compare(root, hi + 1), -1, "seed %d" % seed)


class Resultants(unittest.TestCase):
    def test_the_resultant_vanishes_at_common_roots(self):
        # a = y - x, relation y^2 - x: the resultant x^2 - x vanishes at x = 0 and x = 1, where
        # y = sqrt(x) = x.
        a = mp.var(1) - mp.var(0)
        for coefficients in ([-mp.var(0), mp.const(0), mp.const(1)],
                             [-mp.var(0), mp.const(0), mp.var(0) + mp.const(1)]):
            relation = mp.Relation(1, coefficients)
            r = mp.univariate(mp.resultant(a, relation))
            self.assertEqual(evaluate(r, Fraction(0)), 0)
            if len(coefficients[-1]) == 1:
                self.assertEqual(evaluate(r, Fraction(1)), 0)
            self.assertNotEqual(evaluate(r, Fraction(2)), 0)


class Enclosures(unittest.TestCase):
    def test_enclosures_of_kinks_contain_the_value_for_any_slope(self):
        from margincert_check.expr import enclose, parse
        for seed in SEEDS:
            rng = random.Random(seed)
            slope = Fraction(rng.randint(-5, 5), rng.randint(1, 3))
            e = parse(["lrelu", str(slope), ["add", ["var", "x"], ["num", "0"]]])
            for x in (Fraction(rng.randint(-9, 9), rng.randint(1, 4)) for _ in range(5)):
                lo, hi = enclose(e, {"x": x}, 20)
                value = x if x >= 0 else slope * x
                self.assertTrue(lo <= value <= hi, "seed %d" % seed)
        # An interval argument: sqrt(2) - 3/2 enclosed at width 1 straddles 0; with slope -1
        # the enclosure must contain lrelu's value 3/2 - sqrt(2) > 0.
        e = parse(["lrelu", "-1", ["add", ["num", {"root_of": ["-2", "0", "1"], "in": ["1", "2"]}], ["num", "-3/2"]]])
        lo, hi = enclose(e, {}, 0)
        self.assertTrue(lo <= Fraction(8, 100) and Fraction(9, 100) <= hi)


class Elementary(unittest.TestCase):
    def test_exp_and_log_enclosures_contain_the_value(self):
        getcontext().prec = 80
        for seed in SEEDS:
            rng = random.Random(seed)
            r = Fraction(rng.randint(-3000, 3000), rng.randint(1, 300))
            lo, hi = exp_bounds(r, 60)
            self.assertTrue(decimal(lo) <= decimal(r).exp() <= decimal(hi), "seed %d" % seed)
            x = Fraction(rng.randint(1, 10 ** 6), rng.randint(1, 10 ** 4))
            lo, hi = log_bounds(x, 60)
            self.assertTrue(decimal(lo) <= decimal(x).ln() <= decimal(hi), "seed %d" % seed)
            self.assertLess(hi - lo, Fraction(1, 1 << 50), "seed %d" % seed)


if __name__ == "__main__":
    unittest.main()
