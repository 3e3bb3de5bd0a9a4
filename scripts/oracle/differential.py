#!/usr/bin/env python3
"""Differential test of `margincert prove` against an independent oracle.

Seeded random claims over integer parameters (bounds that are integers, rationals, decimals,
algebraic numbers, or depend on an earlier parameter; cut points and definedness failures at
the integers next to the bounds) and over real ranges (algebraic ends, cut points at the ends,
open and closed). Each claim is decided by margincert; the oracle, which shares no code with
it, then checks the verdict:

- "proved": the claim must hold at every integer of the set (the first 40 when unbounded), or
  at a grid of points of the real range including its closed ends;
- "refuted at W": W must lie in the set, and the claim must fail (or be undefined) there;
- any exit status other than 0, 1 and 3 (proved, refuted, undecided) is an error: every
  generated claim is well-formed.

Any contradiction is printed with its seed and the command that shows it; the exit status is 1
when there is one. "undecided" is never a contradiction.

The oracle evaluates claims with its own expression reader: exact rationals where every value
is rational (Python's Fraction; square roots of perfect squares stay exact), 80-digit mpmath
otherwise, and SymPy's exact simplification when a difference is within 1e-50 of zero.

Usage: differential.py MARGINCERT [--count N] [--seed S] [--jobs J]
"""

import argparse
import concurrent.futures
import math
import random
import re
import subprocess
import sys
from fractions import Fraction

import mpmath

mpmath.mp.dps = 80
TINY = mpmath.mpf(10) ** -50


class Undefined(Exception):
    """The expression is not defined at the point (a domain condition fails)."""


class Ambiguous(Exception):
    """80 digits cannot settle a sign; SymPy is asked instead."""


# --------------------------------------------------------------------------------------------
# Reading and evaluating margincert's expression syntax (the subset the generator writes, and
# the numbers margincert prints in witnesses).

TOKEN = re.compile(r"\s*(?:(\d+\.\d+|\d+)|([A-Za-z_][A-Za-z_0-9']*)|(<=|>=|!=|[-+*/^(),<>=]))")


def tokenize(text):
    tokens, i = [], 0
    text = text.strip()
    while i < len(text):
        m = TOKEN.match(text, i)
        if not m or m.end() == i:
            raise ValueError(f"cannot read {text[i:]!r}")
        tokens.append(m.group(1) or m.group(2) or m.group(3))
        i = m.end()
    return tokens


class Reader:
    """Recursive descent: sum := term (('+'|'-') term)*; term := unary (('*'|'/') unary)*;
    unary := '-' unary | power; power := atom ('^' unary)?  (so -x^2 = -(x^2), 2^-1 allowed)."""

    def __init__(self, text, values):
        self.tokens, self.i, self.values = tokenize(text), 0, values

    def peek(self):
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, expected=None):
        t = self.peek()
        if expected is not None and t != expected:
            raise ValueError(f"expected {expected!r}, found {t!r}")
        self.i += 1
        return t

    def comparisons(self):
        """A list of (lhs, relation, rhs) joined by 'and'."""
        result = []
        while True:
            lhs = self.sum()
            rel = self.take()
            if rel not in ("<", "<=", ">", ">=", "=", "!="):
                raise ValueError(f"expected a relation, found {rel!r}")
            result.append((lhs, rel, self.sum()))
            if self.peek() != "and":
                return result
            self.take()

    def sum(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            op = self.take()
            w = self.term()
            v = add(v, w) if op == "+" else add(v, neg(w))
        return v

    def term(self):
        v = self.unary()
        while self.peek() in ("*", "/"):
            op = self.take()
            w = self.unary()
            v = mul(v, w) if op == "*" else mul(v, inv(w))
        return v

    def unary(self):
        if self.peek() == "-":
            self.take()
            return neg(self.unary())
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == "^":
            self.take()
            exponent = self.unary()
            if not (isinstance(exponent, Fraction) and exponent.denominator == 1):
                raise ValueError("only integer exponents are generated")
            return ipow(base, int(exponent))
        return base

    def atom(self):
        t = self.take()
        if t == "(":
            v = self.sum()
            self.take(")")
            return v
        if t in ("sqrt", "root"):
            self.take("(")
            x = self.sum()
            k = 2
            if t == "root":
                self.take(",")
                k = int(self.sum())
            self.take(")")
            return root(x, k)
        if re.fullmatch(r"\d+\.\d+|\d+", t):
            return Fraction(t)
        if t in self.values:
            return self.values[t]
        raise ValueError(f"unknown name {t!r}")


def exact(v):
    return isinstance(v, Fraction)


def add(a, b):
    return a + b if exact(a) and exact(b) else to_mp(a) + to_mp(b)


def neg(a):
    return -a


def mul(a, b):
    if exact(a) and exact(b):
        return a * b
    return to_mp(a) * to_mp(b)


def to_mp(a):
    return mpmath.mpf(a.numerator) / a.denominator if exact(a) else a


def inv(a):
    if exact(a):
        if a == 0:
            raise Undefined("division by 0")
        return 1 / a
    if abs(a) < TINY:
        raise Ambiguous("division by a number within 1e-50 of 0")
    return 1 / a


def ipow(a, n):
    if n < 0:
        return inv(ipow(a, -n))
    return a ** n


def exact_root(q, k):
    """q^(1/k) when it is rational, else None (q ≥ 0, or k odd)."""
    sign = -1 if q < 0 else 1
    num, den = abs(q.numerator), q.denominator
    r = [integer_root(x, k) for x in (num, den)]
    if r[0] ** k == num and r[1] ** k == den:
        return sign * Fraction(r[0], r[1])
    return None


def integer_root(x, k):
    """⌊x^(1/k)⌋ for an integer x ≥ 0."""
    if x < 2:
        return x
    r = int(round(float(mpmath.root(x, k))))
    while r ** k > x:
        r -= 1
    while (r + 1) ** k <= x:
        r += 1
    return r


def root(x, k):
    if exact(x):
        if x < 0 and k % 2 == 0:
            raise Undefined("even root of a negative number")
        r = exact_root(x, k)
        if r is not None:
            return r
        return mpmath.root(to_mp(x), k) if x >= 0 else -mpmath.root(-to_mp(x), k)
    if k % 2 == 0:
        if x < -TINY:
            raise Undefined("even root of a negative number")
        if x < TINY:
            raise Ambiguous("even root of a number within 1e-50 of 0")
    return mpmath.root(x, k) if x >= 0 else -mpmath.root(-x, k)


def sign(v):
    if exact(v):
        return (v > 0) - (v < 0)
    if abs(v) < TINY:
        raise Ambiguous("a difference within 1e-50 of 0")
    return 1 if v > 0 else -1


HOLDS = {"<": lambda s: s < 0, "<=": lambda s: s <= 0, ">": lambda s: s > 0, ">=": lambda s: s >= 0,
         "=": lambda s: s == 0, "!=": lambda s: s != 0}


def to_sympy(text):
    import sympy
    return sympy.sympify(text.replace("^", "**").replace("root(", "real_root("), locals={"real_root": sympy.real_root})


def sympy_truth(claim, point):
    """Exact truth with SymPy, for points where 80 digits do not settle a sign: True, False,
    or None when SymPy cannot tell either."""
    import sympy
    subs = {sympy.Symbol(name): p.symbolic for name, p in point.items()}
    for part in claim.split(" and "):
        m = re.search(r"(<=|>=|!=|<|>|=)", part)
        try:
            d = sympy.simplify(to_sympy(part[:m.start()]).subs(subs) - to_sympy(part[m.end():]).subs(subs))
        except ZeroDivisionError:
            return False
        if d.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo) or d.is_real is False:
            return False
        zero = d.equals(0)
        if zero is None:
            return None
        s = 0 if zero else (1 if d.evalf(60) > 0 else -1)
        if not HOLDS[m.group(1)](s):
            return False
    return True


class Point:
    """A coordinate: its value for the fast path (Fraction or 80-digit mpf) and a SymPy
    expression for the exact one."""

    def __init__(self, numeric, symbolic):
        self.numeric, self.symbolic = numeric, symbolic

    @staticmethod
    def rational(q):
        import sympy
        return Point(q, sympy.Rational(q.numerator, q.denominator))

    @staticmethod
    def reading(text):
        """A number as margincert prints it: an expression, or '≈d (root of P in [a, b])'."""
        import sympy
        m = re.fullmatch(r"≈\S+ \(root of (.*) in \[(.*), (.*)\]\)", text)
        if not m:
            return Point(value(text), to_sympy(text))
        x = sympy.Symbol("x")
        poly = sympy.Poly(to_sympy(re.sub(r"(\d)x", r"\1*x", m.group(1))), x)
        lo, hi = to_sympy(m.group(2)), to_sympy(m.group(3))
        roots = [r for r in poly.real_roots() if lo <= r <= hi]
        if len(roots) != 1:
            raise ValueError(f"{text}: {len(roots)} roots in the interval")
        return Point(mpmath.mpf(str(roots[0].evalf(90))), roots[0])


def truth(claim, point):
    """True, False, or None (not settled even by SymPy) for the claim at the point, a dict of
    names to Points."""
    try:
        for lhs, rel, rhs in Reader(claim, {n: p.numeric for n, p in point.items()}).comparisons():
            if not HOLDS[rel](sign(add(lhs, neg(rhs)))):
                return False
        return True
    except Undefined:
        return False
    except Ambiguous:
        try:
            return sympy_truth(claim, point)
        except Exception:
            return None


def value(text, values=None):
    """The value of a constant expression (a bound, an end, a witness coordinate)."""
    return Reader(text, values or {}).sum()


def floor_of(v):
    if exact(v):
        return math.floor(v)
    f = int(mpmath.floor(v))
    if abs(v - f) < TINY or abs(v - f - 1) < TINY:
        raise Ambiguous("a bound within 1e-50 of an integer")
    return f


# --------------------------------------------------------------------------------------------
# The cases.

ALGEBRAIC = ["sqrt(2)", "sqrt(3)", "sqrt(7)", "root(10, 3)", "root(20, 3)", "(1 + sqrt(5))/2", "sqrt(11)/2", "root(3, 4)"]


def number_text(rng):
    """A bound: an integer, a rational, a decimal or an algebraic number, near 0…6."""
    kind = rng.randrange(5)
    c = rng.randint(-2, 6)
    if kind == 0:
        return str(c) if c >= 0 else f"({c})"
    if kind == 1:
        d = rng.choice([2, 3, 4, 7])
        n = c * d + rng.randint(1, d - 1)
        return f"{n}/{d}" if n >= 0 else f"(-{-n}/{d})"
    if kind == 2:
        return f"{c}.{rng.choice(['1', '5', '9', '99', '01'])}" if c >= 0 else f"(-{-c}.5)"
    if kind == 3:
        return rng.choice(ALGEBRAIC)
    return rng.choice(ALGEBRAIC) + f" + {rng.randint(0, 3)}"


class IntegerSet:
    """n > lower / n >= lower (and < / <= upper), bounds as texts in earlier parameters."""

    def __init__(self, name, lower, lower_strict, upper=None, upper_strict=False):
        self.name, self.lower, self.lower_strict, self.upper, self.upper_strict = name, lower, lower_strict, upper, upper_strict

    def text(self):
        t = f"{self.name} {'>' if self.lower_strict else '>='} {self.lower}"
        if self.upper is not None:
            t += f" and {self.name} {'<' if self.upper_strict else '<='} {self.upper}"
        return t

    def members(self, values, count=40):
        """The least `count` integers of the set (values: the earlier parameters')."""
        lo = value(self.lower, values)
        if exact(lo):
            first = math.floor(lo) + 1 if self.lower_strict else math.ceil(lo)
        else:
            first = floor_of(lo) + 1   # an irrational bound is no integer
        last = None
        if self.upper is not None:
            hi = value(self.upper, values)
            if exact(hi):
                last = math.ceil(hi) - 1 if self.upper_strict else math.floor(hi)
            else:
                last = floor_of(hi)
        n = first
        while (last is None or n <= last) and n < first + count:
            yield n
            n += 1

    def contains(self, n, values):
        return n in set(self.members(values, count=10_000))


def integer_case(rng):
    """(claim, [integer sets]) with cut points and definedness failures next to the bounds."""
    m = IntegerSet("m", number_text(rng), rng.random() < 0.6)
    if rng.random() < 0.3:
        m.upper, m.upper_strict = number_text(rng) + f" + {rng.randint(1, 6)}", rng.random() < 0.5
    sets = [m]
    names = ["m"]
    if rng.random() < 0.3:
        dependent = rng.choice(["m/2", "(m + 1)/2", "m - 3/2", "m/3 + 1/2", "sqrt(m + 2)", "m", "2*m - 1", "m/2 + sqrt(2)"])
        sets.append(IntegerSet("q", dependent, rng.random() < 0.6))
        names.append("q")
    try:
        members = list(sets[0].members({}, count=4))
    except Ambiguous:
        members = []
    near = members[:3] if members else [0, 1]
    t = str(rng.choice(near + [near[0] - 1, near[0] + 1]))
    s = str(rng.choice(near + [near[0] + 2]))
    x = rng.choice(names)
    templates = [
        f"{x} != {t}",
        f"({x} - {t})^2 > 0",
        f"({x} - {t})*({x} - {s}) >= 0",
        f"({x} - {t})*({x} - {s}) > 0",
        f"{x}*({x} - {t}) >= 0",
        f"1/({x} - {t}) > -10",
        f"sqrt({x} - {t}) >= 0",
        f"sqrt({x} - {t}) + 1/({x} - {s} + 1/2) > -100",
        f"({x} - {t})*({x} - {t} - 1/2) > 0",
        f"2*{x} - {t} > {s}",
        f"{x} >= {t}",
        f"{x} > {t}",
        f"{x} <= {t} + 3",
        f"({x} - {t})^3 >= 0",
        f"{x}^2 - 2 != 0",
        f"(2*{x} - {t})^2 >= 1",
    ]
    if len(sets) == 2:
        a, b = rng.randint(1, 3), rng.randint(1, 3)
        templates += [f"{a}*q - {b}*m > {rng.randint(-2, 2)}", f"2*q - m > 1", f"2*q - m >= 1", f"q != {t}",
                      f"(q - m)*(2*q - m) > 0", f"q - m/2 > 1/4"]
    return rng.choice(templates), sets


def check_integer(margincert, claim, sets, time_limit):
    # Not --in-process: the bounded child is stopped from outside at the limit + 0.5 s even
    # when one exact field operation (which runs to completion, see Deadline) overruns it.
    args = [margincert, "prove", claim, "--time-limit", str(time_limit)]
    for s in sets:
        args += ["--integer", s.text()]
    out = subprocess.run(args, capture_output=True, text=True, timeout=time_limit * 4 + 10)
    last = (out.stdout.strip().splitlines() or [""])[-1]
    if out.returncode not in (0, 1, 3):
        return "ERROR", f"exit status {out.returncode}: {last or out.stderr.strip()[:200]}", args
    if last.startswith("proved"):
        for point in integer_points(sets):
            if truth(claim, {n: Point.rational(v) for n, v in point.items()}) is False:
                return "CONTRADICTION", f"proved, but false at {point}: {last}", args
        return "proved", last, args
    if last.startswith("refuted at "):
        witness = parse_witness(last)
        if witness is None:
            return "CONTRADICTION", f"unreadable witness: {last}", args
        for i, s in enumerate(sets):
            earlier = {n: Fraction(witness[n]) for n in [t.name for t in sets[:i]]}
            w = witness.get(s.name)
            if w is None or Fraction(w).denominator != 1 or not s.contains(int(w), earlier):
                return "CONTRADICTION", f"witness outside the set: {last}", args
        point = {k: Point.rational(Fraction(v)) for k, v in witness.items()}
        if truth(claim, point) is not False:
            return "CONTRADICTION", f"the claim holds at the witness: {last}", args
        return "refuted", last, args
    return "undecided", last, args


def integer_points(sets, values=None, i=0):
    values = values or {}
    if i == len(sets):
        yield dict(values)
        return
    try:
        members = list(sets[i].members(values, count=40 if i == 0 else 12))
    except Ambiguous:
        return
    for n in members:
        values[sets[i].name] = Fraction(n)
        yield from integer_points(sets, values, i + 1)
    values.pop(sets[i].name, None)


def parse_witness(line):
    m = re.match(r"refuted at (.*?) \(", line)
    if not m:
        return None
    result = {}
    for part in m.group(1).split(", "):
        name, _, v = part.partition(" = ")
        try:
            result[name] = value(v)
        except (ValueError, Ambiguous):
            return None
    return result


def range_case(rng):
    """(claim, range text, lower, upper, lower closed, upper closed): a cut point of the claim at
    an algebraic or rational end of the range, or just inside it."""
    a = rng.choice(ALGEBRAIC + ["1/3", "1/2", "2/3"])
    b = f"{a} + {rng.choice(['1', '1/2', '1/10', 'sqrt(2)'])}"
    lc, uc = rng.random() < 0.5, rng.random() < 0.5
    at = rng.choice([a, b, f"({a} + {b})/2"])
    templates = [
        f"eps != {at}",
        f"(eps - ({at}))^2 > 0",
        f"(eps - ({at}))*(eps - ({b})) <= 0",
        f"(eps - ({a}))*(eps - ({b})) < 0",
        f"eps - ({a}) > 0",
        f"eps - ({a}) >= 0",
        f"({b}) - eps > 0",
        f"sqrt(eps - ({a})) >= 0",
        f"1/(eps - ({at})) != 0",
        f"(eps - ({at}))^4 >= 0",
    ]
    text = f"eps in {'[' if lc else '('}{a}, {b}{']' if uc else ')'}"
    return rng.choice(templates), text, a, b, lc, uc


def check_range(margincert, claim, text, a, b, lc, uc, time_limit):
    args = [margincert, "prove", claim, "--for-all", text, "--time-limit", str(time_limit)]  # bounded child, as above
    out = subprocess.run(args, capture_output=True, text=True, timeout=time_limit * 4 + 10)
    last = (out.stdout.strip().splitlines() or [""])[-1]
    if out.returncode not in (0, 1, 3):
        return "ERROR", f"exit status {out.returncode}: {last or out.stderr.strip()[:200]}", args
    lo, hi = to_mp(value(a)), to_mp(value(b))
    if last.startswith("proved"):
        grid = [Fraction(k, 37) for k in range(1, 37)]
        points = [Point.reading(f"{a} + ({b} - ({a}))*{q.numerator}/{q.denominator}") for q in grid]
        points += ([Point.reading(a)] if lc else []) + ([Point.reading(b)] if uc else [])
        for p in points:
            if truth(claim, {"eps": p}) is False:
                return "CONTRADICTION", f"proved, but false at eps = {p.symbolic}: {last}", args
        return "proved", last, args
    if last.startswith("refuted at "):
        m = re.match(r"refuted at eps = (.*?) \((?:fails|undefined)", last)
        if not m:
            return "CONTRADICTION", f"unreadable witness: {last}", args
        try:
            w = Point.reading(m.group(1))
        except (ValueError, Ambiguous) as error:
            return "CONTRADICTION", f"unreadable witness ({error}): {last}", args
        wv = to_mp(w.numeric)
        inside_lower = wv > lo + TINY or (lc and abs(wv - lo) <= TINY)
        inside_upper = wv < hi - TINY or (uc and abs(wv - hi) <= TINY)
        if not (inside_lower and inside_upper):
            return "CONTRADICTION", f"witness outside the range: {last}", args
        if truth(claim, {"eps": w}) is True:
            return "CONTRADICTION", f"the claim holds at the witness: {last}", args
        return "refuted", last, args
    return "undecided", last, args


def run_case(margincert, seed, time_limit):
    rng = random.Random(seed)
    if rng.random() < 0.75:
        claim, sets = integer_case(rng)
        return seed, check_integer(margincert, claim, sets, time_limit)
    case = range_case(rng)
    return seed, check_range(margincert, *case, time_limit)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("margincert")
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--time-limit", type=float, default=5)
    options = parser.parse_args()
    counts, contradictions = {}, []
    seeds = range(options.seed * 1_000_000, options.seed * 1_000_000 + options.count)
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        for seed, (kind, line, args) in pool.map(lambda s: run_case(options.margincert, s, options.time_limit), seeds):
            counts[kind] = counts.get(kind, 0) + 1
            if kind in ("CONTRADICTION", "ERROR"):
                contradictions.append((seed, kind, line, args))
    for seed, kind, line, args in contradictions:
        print(f"{kind} (case {seed}): {line}")
        print("  " + " ".join(repr(a) if " " in a or "'" in a else a for a in args[1:]))
    summary = ", ".join(f"{counts[k]} {k}" for k in sorted(counts))
    print(f"differential: {options.count} claims ({summary})")
    print(f"{options.count - len(contradictions)} passed, {len(contradictions)} failed")
    return 1 if contradictions else 0


if __name__ == "__main__":
    sys.exit(main())
