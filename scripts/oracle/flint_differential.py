#!/usr/bin/env python3
"""Differential test of MarginCert's exact layer against FLINT/Arb (python-flint): seeded
random inputs given to `margincert eval`, each answer checked by arb balls, which share no code
with MarginCert.

Kinds of case:
- "sign": a sum of rational multiples of square and cube roots of small integers compared with
  a rational (nonzero differences: arb decides the sign at up to 4096 bits), or an identity
  (sqrt(a) + sqrt(b))^2 = a + b + 2 sqrt(ab) scaled and shifted (true by construction). The
  exact verdict must agree.
- "enclosure": exp(p/q) and log(p/q); the printed rigorous enclosure [lo, hi] must contain the
  arb ball of the value (so the hand-written series and their remainders are sound).
- "exp-compare": exp(p/q) < r and log(p/q) > r with r within 10^-12 of the value (hard for the
  enclosures); the verdict must agree with arb.
"undecided" is never a contradiction (it is counted). Exit status 1 on any contradiction.

Usage: flint_differential.py MARGINCERT [--count N] [--seed S] [--jobs J]
"""
import argparse
import concurrent.futures
import random
import re
import subprocess
import sys
from fractions import Fraction

from flint import arb, ctx


def rational_text(q):
    return str(q.numerator) if q.denominator == 1 else "(%d/%d)" % (q.numerator, q.denominator)


def arb_of(q):
    return arb(q.numerator) / q.denominator


def decimal(a, digits):
    """The midpoint of the ball a rounded to `digits` decimals, as a Fraction."""
    m, e = a.mid().man_exp()
    return Fraction(round(Fraction(int(m)) * Fraction(2) ** int(e) * 10 ** digits), 10 ** digits)


def sign_case(rng):
    if rng.random() < 0.25:
        a, b = rng.randint(2, 30), rng.randint(2, 30)
        k = Fraction(rng.randint(-9, 9) or 1, rng.randint(1, 9))
        lhs = "%s * (sqrt(%d) + sqrt(%d))^2" % (rational_text(k), a, b)
        rhs = "%s * (%d + 2 * sqrt(%d))" % (rational_text(k), a + b, a * b)
        return "%s = %s" % (lhs, rhs), True
    terms, value = [], arb(0)
    for _ in range(rng.randint(1, 3)):
        c = Fraction(rng.randint(-20, 20) or 1, rng.randint(1, 12))
        n, q = rng.randint(2, 50), rng.choice((2, 3))
        terms.append("%s * %s" % (rational_text(c), "sqrt(%d)" % n if q == 2 else "root(%d, 3)" % n))
        value += arb_of(c) * (arb(n).sqrt() if q == 2 else arb(n).root(3))
    # A rational near the value: its decimal expansion cut at a random place.
    t = decimal(value, 6) + Fraction(rng.randint(-3, 3), 10 ** rng.randint(3, 9))
    relation = rng.choice(("<", ">", "<=", ">="))
    difference = value - arb_of(t)
    truth = None
    if difference > 0:
        truth = relation in (">", ">=")
    elif difference < 0:
        truth = relation in ("<", "<=")
    return "%s %s %s" % (" + ".join(terms), relation, rational_text(t)), truth


def enclosure_case(rng):
    q = Fraction(rng.randint(-60, 60), rng.randint(1, 17))
    if rng.random() < 0.5:
        return "exp(%s)" % rational_text(q), arb_of(q).exp()
    x = Fraction(rng.randint(1, 400), rng.randint(1, 40))
    return "log(%s)" % rational_text(x), arb_of(x).log()


def compare_case(rng):
    q = Fraction(rng.randint(-30, 30), rng.randint(1, 11))
    use_exp = rng.random() < 0.5
    if not use_exp:
        q = abs(q) + Fraction(1, 7)
    value = arb_of(q).exp() if use_exp else arb_of(q).log()
    r = decimal(value, 15) + Fraction(rng.randint(-5, 5), 10 ** 12)
    relation = rng.choice(("<", ">"))
    difference = value - arb_of(r)
    truth = None if not (difference > 0 or difference < 0) else (difference > 0) == (relation == ">")
    return "%s(%s) %s %s" % ("exp" if use_exp else "log", rational_text(q), relation, rational_text(r)), truth


ENCLOSURE = re.compile(r"in \[([-0-9.]+), ([-0-9.]+)\]")


def run(binary, text):
    # A leading minus would read as an option: "-a ..." is written "0 - a ...".
    text = "0 " + text if text.startswith("-") else text
    done = subprocess.run([binary, "eval", text, "--time-limit", "10"], capture_output=True, text=True, timeout=60)
    return done.returncode, done.stdout


def check(binary, case):
    kind, text, expected = case
    status, out = run(binary, text)
    if kind == "enclosure":
        m = ENCLOSURE.search(out)
        if status != 0 or not m:
            return "undecided" if status == 3 else "error: exit %d: %s" % (status, out.strip())
        lo, hi = Fraction(m.group(1)), Fraction(m.group(2))
        inside = expected >= arb_of(lo) and expected <= arb_of(hi)
        return "agrees" if inside else "CONTRADICTION: %s not in [%s, %s]" % (expected.str(40), lo, hi)
    verdict = out.strip().splitlines()[-1] if out.strip() else ""
    if status == 3 or verdict == "undecided":
        return "undecided"
    if status not in (0, 1) or verdict not in ("true", "false"):
        return "error: exit %d: %s" % (status, out.strip())
    if expected is None:
        return "agrees"  # arb cannot tell at this precision: nothing to compare
    return "agrees" if (verdict == "true") == expected else "CONTRADICTION: margincert says %s" % verdict


def cases(count, seed):
    rng = random.Random(seed)
    makers = (("sign", sign_case), ("enclosure", enclosure_case), ("exp-compare", compare_case))
    for i in range(count):
        kind, make = makers[i % len(makers)]
        yield (kind,) + make(rng)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("margincert")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    ctx.prec = 4096
    tally, failures = {}, []
    all_cases = list(cases(args.count, args.seed))
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for case, answer in zip(all_cases, pool.map(lambda c: check(args.margincert, c), all_cases)):
            key = (case[0], answer.split(":")[0])
            tally[key] = tally.get(key, 0) + 1
            if answer.startswith(("CONTRADICTION", "error")):
                failures.append("%s: margincert eval '%s' — %s" % (case[0], case[1], answer))
    for line in failures:
        print(line)
    print("seed %d, %d cases: " % (args.seed, args.count)
          + ", ".join("%s %s %d" % (k, a, n) for (k, a), n in sorted(tally.items())))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
