#!/usr/bin/env python3
"""Reference timings for the exp/log enclosures of Benchmarks/ElementaryBenchmarks.swift (the
same arguments and precisions): MPFR (through gmpy2, correctly rounded down and up, which
brackets the value) and Arb (python-flint balls). Python's call overhead (about 0.1-0.3 µs) is
included, so small times are upper bounds.

Usage: elementary_reference.py   (part of scripts/bench-elementary.sh)
"""
import time

import gmpy2
from flint import arb, ctx

CASES = [("exp(1/3)", "exp", (1, 3)), ("exp(-37/5)", "exp", (-37, 5)), ("log(3/7)", "log", (3, 7)),
         ("log(10^6 + 1)", "log", (1_000_001, 1))]


def per_call(f, minimum=0.2):
    calls, start = 0, time.perf_counter()
    while True:
        f()
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed >= minimum:
            return elapsed / calls


def mpfr_bracket(name, p, q, bits):
    """[down, up]: the value rounded towards -inf and +inf at `bits` bits."""
    out = []
    for rounding in (gmpy2.RoundDown, gmpy2.RoundUp):
        with gmpy2.context(precision=bits, round=rounding):
            x = gmpy2.mpq(p, q)
            out.append(gmpy2.exp(x) if name == "exp" else gmpy2.log(x))
    return out


def arb_ball(name, p, q, bits):
    ctx.prec = bits
    x = arb(p) / q
    return x.exp() if name == "exp" else x.log()


def main():
    print("%-28s %14s %14s" % ("enclosure", "MPFR (gmpy2)", "Arb (flint)"))
    for bits in (53, 200, 1000):
        for label, name, (p, q) in CASES:
            mpfr = per_call(lambda: mpfr_bracket(name, p, q, bits))
            ball = per_call(lambda: arb_ball(name, p, q, bits))
            print("%-28s %11.2f µs %11.2f µs" % ("%s to %d bits" % (label, bits), mpfr * 1e6, ball * 1e6))


if __name__ == "__main__":
    main()
