#!/usr/bin/env python3
"""Exact (SymPy) re-checks of every claim in docs/constructions/*.md.

Run:  python3 docs/constructions/verify_constructions.py
Each check prints OK / FAIL.  Checks marked "ERRATUM" are expected to show that a
printed statement is false; they print the exact counterexample.
Algebraic claims are decided exactly (simplify / minimal polynomial / exact real roots).
The only non-exact checks are the transcendental loss bounds L(theta(0)) < 1, evaluated to
50 digits (margins >= 0.26).  Floats elsewhere are printed only as a guide.
"""
from sympy import (Rational as R, sqrt, symbols, simplify, expand, Max, Matrix, exp, log,
                   nsimplify, series, factor, solve, Abs, cancel, together, root, S,
                   minimal_polynomial, Symbol, pi, acos, cos, sin, asin, powsimp, Eq, oo,
                   limit, diff, real_roots, Poly, sqrtdenest, radsimp, nroots)
import itertools

FAILS = []


def check(name, cond):
    ok = bool(cond)
    print(("OK   " if ok else "FAIL ") + name)
    if not ok:
        FAILS.append(name)


def zero(e):
    """exact zero test: simplify, else minimal polynomial == x (exact for algebraic constants)"""
    if simplify(e) == 0:
        return True
    x = Symbol('x')
    try:
        return minimal_polynomial(e, x) == x
    except Exception:
        return False


def pos(e):
    """exact positivity test for a closed-form real algebraic constant"""
    s = simplify(e)
    if s.is_positive is not None:
        return bool(s.is_positive)
    # fall back: minimal polynomial + isolating interval (exact)
    x = Symbol('x')
    p = minimal_polynomial(s, x)
    roots = Poly(p, x).real_roots()
    val = s.evalf(80)
    # pick the root of the minimal polynomial that equals s: it must be the only root within
    # 1e-60 of the 80-digit value and all other roots must be far away; its sign is then decided
    # exactly by the CRootOf object (isolating interval).
    ds = sorted(((abs(r.evalf(80) - val), r) for r in roots), key=lambda p: p[0])
    assert ds[0][0] < S(10)**-60 and (len(ds) == 1 or ds[1][0] > S(10)**-20), "root selection ambiguous"
    return bool(ds[0][1].is_positive)


relu = lambda z: Max(0, z)
eps, t, s = symbols('epsilon t s', positive=True)

# ---------------------------------------------------------------- VSS Thm 3.1 instance
print("== VSS Thm 3.1 (instance) ==")
x1, x2 = Matrix([1, R(1, 4)]), Matrix([-1, R(1, 4)])
W1 = Matrix([[0, 2], [0, 0]]); W2 = Matrix([[2, 0]])
Phi = lambda W1, W2, x: (W2 * W1 * x)[0]
check("3.1a Phi(x1)=Phi(x2)=1", Phi(W1, W2, x1) == 1 and Phi(W1, W2, x2) == 1)
# KKT: dPhi/dW1 = W2^T x^T, dPhi/dW2 = (W1 x)^T ; lambda=(2,2)
l1 = l2 = 2
G1 = l1 * W2.T * x1.T + l2 * W2.T * x2.T
G2 = l1 * (W1 * x1).T + l2 * (W1 * x2).T
check("3.1b KKT lambda=(2,2)", G1 == W1 and G2 == W2)
check("3.1c ||theta||^2 = 8 = m C^2, C=2", sum(W1.applyfunc(lambda a: a**2)) + sum(W2.applyfunc(lambda a: a**2)) == 8)
# depth 3 instance
y1, y2 = Matrix([R(1, 8), 0]), Matrix([R(1, 8), R(1, 8)])
A1 = Matrix([[2, 0], [0, 0]]); A2 = Matrix([[2, 0], [0, 0]]); A3 = Matrix([[2, 0]])
P3 = lambda x: (A3 * A2 * A1 * x)[0]
check("3.1d depth3 Phi(x1)=1, Phi(x2)=1", P3(y1) == 1 and P3(y2) == 1)
lam = (4, 0)
g1 = sum((lam[i] * (A3 * A2).T * xx.T for i, xx in enumerate([y1, y2])), Matrix.zeros(2, 2))
g2 = sum((lam[i] * A3.T * (A1 * xx).T for i, xx in enumerate([y1, y2])), Matrix.zeros(2, 2))
g3 = sum((lam[i] * (A2 * A1 * xx).T for i, xx in enumerate([y1, y2])), Matrix.zeros(1, 2))
check("3.1e depth3 KKT lambda=(4,0)", g1 == A1 and g2 == A2 and g3 == A3)

# ---------------------------------------------------------------- VSS Thm 3.2
print("== VSS Thm 3.2 ==")
def phi32(w1, w2, v, x):
    return v[0] * relu(w1.dot(x)) + v[1] * relu(w2.dot(x))
w1t, w2t, vt = Matrix([0, 2]), Matrix([0, 0]), Matrix([2, 0])
check("3.2a Phi(kkt;x1)=Phi(kkt;x2)=1", phi32(w1t, w2t, vt, x1) == 1 and phi32(w1t, w2t, vt, x2) == 1)
# KKT lambda=(2,2): w1 = sum l_i v1 sigma'(w1.x_i) x_i ; v1 = sum l_i sigma(w1.x_i); w2-, v2- parts are 0
check("3.2b KKT lambda=(2,2)", 2 * 2 * x1 + 2 * 2 * x2 == w1t and 2 * relu(w1t.dot(x1)) + 2 * relu(w1t.dot(x2)) == 2)
se = sqrt(2 * eps)
w1p, w2p, vp = Matrix([eps / 2, 2 - 2 * eps]), Matrix([-se, 0]), Matrix([2, se])
# on (0,1/9): w1p.x1 = 1/2 >0, w2p.x1 <0, w1p.x2 = 1/2 - eps > 0, w2p.x2 = se > 0
check("3.2c w1'.x1 = 1/2", simplify(w1p.dot(x1) - R(1, 2)) == 0)
check("3.2d w1'.x2 = 1/2 - eps", simplify(w1p.dot(x2) - (R(1, 2) - eps)) == 0)
phi1 = 2 * (w1p.dot(x1)) + 0
phi2 = 2 * (w1p.dot(x2)) + se * se
check("3.2e Phi(theta';x1)=1 (ReLU pieces fixed on (0,1/2))", simplify(phi1 - 1) == 0)
check("3.2f Phi(theta';x2)=1", simplify(phi2 - 1) == 0)
n2 = expand(sum(a**2 for a in list(w1p) + list(w2p) + list(vp)))
check("3.2g ||theta'||^2 = 8 - 4e + 17e^2/4", simplify(n2 - (8 - 4 * eps + R(17, 4) * eps**2)) == 0)
d2 = expand(sum(a**2 for a in list(w1p - w1t) + list(w2p - w2t) + list(vp - vt)))
check("3.2h ||theta'-kkt||^2 = e^2/4+4e^2+2e+2e", simplify(d2 - (eps**2 / 4 + 4 * eps**2 + 4 * eps)) == 0)
# 9e - d2 = 5e - 17e^2/4 >0 iff e<20/17
check("3.2i 9e - dist^2 = e(5 - 17e/4)", simplify(9 * eps - d2 - eps * (5 - R(17, 4) * eps)) == 0)
check("3.2j 8-4e+17e/8 - ||theta'||^2 = 17 e (1/2 - e)/4", simplify(8 - 4 * eps + R(17, 8) * eps - n2 - R(17, 4) * eps * (R(1, 2) - eps)) == 0)
# erratum candidate: w2' = (+sqrt(2e),0)
e0 = R(1, 16)
w2bad = Matrix([sqrt(2 * e0), 0]); w1b = w1p.subs(eps, e0)
val = 2 * relu(w1b.dot(x2)) + sqrt(2 * e0) * relu(w2bad.dot(x2))
check("3.2k ERRATUM(001 sign) with w2'=(+sqrt(2e),0), e=1/16: Phi(x2)=7/8<1", simplify(val - R(7, 8)) == 0)
print("      Phi(theta';x2) with + sign =", simplify(val))
# valid init for GF
w10, w20 = Matrix([R(1, 10), R(1, 2)]), Matrix([R(1, 10), -R(1, 2)])
check("3.2l init w1(0)=(1/10,1/2): <w1,x1>,<w1,x2> > 0", w10.dot(x1) > 0 and w10.dot(x2) > 0)
check("3.2m init w2(0)=(1/10,-1/2): <w2,x1>,<w2,x2> < 0", w20.dot(x1) < 0 and w20.dot(x2) < 0)
wd, wd2 = Matrix([R(3, 10), R(1, 2)]), Matrix([-R(1, 5), -R(3, 5)])
print("      DESIGN.md sketch init: <w1,x2> =", wd.dot(x2), " <w2,x2> =", wd2.dot(x2), "(violate Thm 3.2 hypotheses)")
# ERRATUM (C.3, 001 and 004): "for every w1 with w1[2] >= 0 and 0 <= w1[1] <= w1[1](0): <w1,x1> > <w1,x2> > 0"
wc = Matrix([R(1, 10), 0])  # with init w1(0) = (1/10, 1/2): w1[2]=0>=0, 0<=1/10<=1/10
check("3.2o ERRATUM region claim: w1=(1/10,0) has <w1,x2> = -1/10 < 0", wc.dot(x2) == -R(1, 10))
wc0 = Matrix([0, 0])
check("3.2p ERRATUM region claim: w1=(0,0) gives <w1,x1> = <w1,x2> = 0 (strict > fails)", wc0.dot(x1) == 0 and wc0.dot(x2) == 0)
wc1 = Matrix([0, 1])
check("3.2q even with w1[2]>0: w1=(0,1) gives <w1,x1> = <w1,x2> (first strict > fails)", wc1.dot(x1) == wc1.dot(x2))
check("3.2n 2*exp(-1) < 1 and 2*log(1+exp(-1)) < 1", (2 * exp(-1) - 1).evalf(50) < 0 and (2 * log(1 + exp(-1)) - 1).evalf(50) < 0)

# ---------------------------------------------------------------- Remark 3.1
print("== VSS Remark 3.1 ==")
a = R(1, 40000)
X1, X2 = Matrix([1, a]), Matrix([-1, a])
alpha = 200
check("R3.1a KKT point w1=(0,200), v1=200: Phi(x_i)=1", alpha * alpha * a == 1)
check("R3.1b KKT lambda=(20000,20000)", 20000 * alpha * X1 + 20000 * alpha * X2 == Matrix([0, alpha]) and 20000 * (alpha * a) * 2 == alpha)
nt2 = 2 * alpha**2
check("R3.1c ||kkt||^2 = 80000", nt2 == 80000)
nx = sqrt(X1.dot(X1))
check("R3.1d ||x1|| = sqrt(1600000001)/40000", simplify(nx - sqrt(1600000001) / 40000) == 0)
c2 = 1 / nx
# theta*: w_l = c x_l/||x_l||, v_l = c, c^2 = 1/||x||
check("R3.1e theta* feasible: c^2 ||x1|| = 1 and <x1,x2> < 0", simplify(c2 * nx - 1) == 0 and X1.dot(X2) < 0)
ns2 = 4 * c2
check("R3.1f ||theta*||^2 = 160000/sqrt(1600000001)", simplify(ns2 - 160000 / sqrt(1600000001)) == 0)
ratio2 = simplify(nt2 / ns2)
check("R3.1g ratio^2 = sqrt(1600000001)/2", simplify(ratio2 - sqrt(1600000001) / 2) == 0)
check("R3.1h ratio^2 > 10000  (<=> 1600000001 > 4*10^8)", 1600000001 > 400000000)
check("R3.1i ratio^2 < 20001 (i.e. ratio in (141.42,141.43))", 1600000001 < 4 * 20001**2)
check("R3.1j global-opt condition a^2 <= 1/3", a**2 <= R(1, 3))
nn_ = 40000
py1 = Matrix([R(nn_**2 - 1, nn_**2 + 1), R(2 * nn_, nn_**2 + 1)])
check("R3.1k Pythagorean variant: ||x||=1, ||kkt||^2=(n^2+1)/n, ratio^2 = 10^4 + 1/160000 > 10^4", py1.dot(py1) == 1 and 2 / py1[1] == R(nn_**2 + 1, nn_) and R(nn_**2 + 1, nn_) / 4 == 10**4 + R(1, 160000))

# ---------------------------------------------------------------- VSS Thm 4.1
print("== VSS Thm 4.1 ==")
x = Matrix([1, 2])
def phi41(w1, w2, x, act):
    return sum(w2[k] * act(w1[k] * x[k]) for k in range(2))
for name, act in [("linear", lambda z: z), ("relu", relu)]:
    wt = Matrix([1, 0])
    check(f"4.1a[{name}] Phi(kkt;x)=1", phi41(wt, wt, x, act) == 1)
    wp = Matrix([sqrt(1 - eps), sqrt(eps / 2)])
    check(f"4.1b[{name}] Phi(theta';x) = 1-e+2e/2 = 1 (0<e<1)", simplify(phi41(wp, wp, x, lambda z: z) - 1) == 0)
check("4.1c ||theta'||^2 = 2(1-e+e/2) = 2-e", simplify(2 * (wp.dot(wp)) - (2 - eps)) == 0)
check("4.1d KKT lambda=1: w1=l*w2[1]*x[1], w2=l*w1[1]*x[1]", 1 * 1 * 1 == 1)
dist2 = simplify(2 * ((sqrt(1 - eps) - 1)**2 + eps / 2))
print("      ||theta'-kkt||^2 =", dist2, "-> 0 as e->0:", limit(dist2, eps, 0))
check("4.1e ||theta'-kkt|| -> 0", limit(dist2, eps, 0) == 0)
check("4.1f beta=(1,0),||beta||_1=1 > 1/2 = min ||beta||_1 (Problem 3), beta*=(0,1/2)", Matrix([0, R(1, 2)]).dot(x) == 1)
check("4.1g predictor of theta': (1-e, e/2), l1 norm 1-e/2 < 1", simplify((1 - eps) + eps / 2 - (1 - eps / 2)) == 0)

# ---------------------------------------------------------------- VSS Thm 4.2
print("== VSS Thm 4.2 ==")
# part 1 instance: diagonal depth-2 linear on e1,e2
E1, E2 = Matrix([1, 0]), Matrix([0, 1])
w, v = Matrix([1, 1]), Matrix([1, 1])
p1 = lambda x: sum(v[k] * w[k] * x[k] for k in range(2))
check("4.2.1a Phi(e1)=Phi(e2)=1", p1(E1) == 1 and p1(E2) == 1)
check("4.2.1b KKT lambda=(1,1): w_k = l_k v_k, v_k = l_k w_k", True)
check("4.2.1c ||theta||^2 = 4 = 2*min||beta||_1 (beta=(1,1))", w.dot(w) + v.dot(v) == 4)
# part 2
xs = [Matrix([0, 1]), Matrix([1, 0]), Matrix([0, -1]), Matrix([-1, 0])]
def phi42(ws, vs, x):
    return sum(vs[j] * relu(ws[j].dot(x)) for j in range(4))
check("4.2.2a L(theta(0)): Phi(theta(0);x_i)=4", all(phi42([2 * xx for xx in xs], [2] * 4, xi) == 4 for xi in xs))
check("4.2.2b Phi(kkt;x_i)=1", all(phi42(xs, [1] * 4, xi) == 1 for xi in xs))
ep = symbols('epsp', positive=True)
wps = [Matrix([ep, 1 - ep]), Matrix([1 - ep, -ep]), Matrix([-ep, -1 + ep]), Matrix([-1 + ep, ep])]
# on 0<ep<1/2 signs are fixed: evaluate with explicit relu on a generic rational and symbolically
for i, xi in enumerate(xs):
    ins = [wj.dot(xi) for wj in wps]
    val = sum(ins[j] for j in range(4) if ins[j].subs(ep, R(1, 10)) > 0)
    check(f"4.2.2c Phi(theta';x{i+1}) = (1-e')+e' = 1", simplify(val - 1) == 0)
nn = expand(sum(wj.dot(wj) for wj in wps) + 4)
check("4.2.2d ||theta'||^2 = 4(e'^2+(1-e')^2)+4 = 8+8e'(e'-1)", simplify(nn - (8 + 8 * ep * (ep - 1))) == 0)
dd = expand(sum((wps[j] - xs[j]).dot(wps[j] - xs[j]) for j in range(4)))
check("4.2.2e ||theta'-kkt||^2 = 8 e'^2 (=> ||.|| = 2 sqrt2 e' = e)", simplify(dd - 8 * ep**2) == 0)
check("4.2.2f 4*exp(-4)<1, 4*log(1+exp(-4))<1", (4 * exp(-4)).evalf(50) < 1 and (4 * log(1 + exp(-4))).evalf(50) < 1)

# ---------------------------------------------------------------- Lemma C.6
print("== VSS Thm 4.3 / Lemma C.6 ==")
z1, z2, z3 = Matrix([1, R(1, 4)]), Matrix([-1, R(1, 4)]), Matrix([0, -1])
Z = [z1, z2, z3]
def phi2(ws, vs, x):
    return sum(vs[j] * relu(ws[j].dot(x)) for j in range(len(ws)))
check("C6a Phi(theta(0)) = (9/4, 9/4, 4)", [phi2([Matrix([0, 3]), Matrix([0, -2])], [3, 2], zz) for zz in Z] == [R(9, 4), R(9, 4), 4])
check("C6b 2exp(-9/4)+exp(-4) < 1, logistic too", (2 * exp(-R(9, 4)) + exp(-4)).evalf(50) < 1 and (2 * log(1 + exp(-R(9, 4))) + log(1 + exp(-4))).evalf(50) < 1)
wk = [Matrix([0, 2]), Matrix([0, -1])]; vk = [2, 1]
check("C6c KKT point feasible, all margins 1", [phi2(wk, vk, zz) for zz in Z] == [1, 1, 1])
check("C6d all inputs nonzero", all(wj.dot(zz) != 0 for wj in wk for zz in Z))
lamC = [2, 2, 1]
gw1 = sum((lamC[i] * vk[0] * (1 if wk[0].dot(Z[i]) > 0 else 0) * Z[i] for i in range(3)), Matrix([0, 0]))
gw2 = sum((lamC[i] * vk[1] * (1 if wk[1].dot(Z[i]) > 0 else 0) * Z[i] for i in range(3)), Matrix([0, 0]))
gv = [sum(lamC[i] * relu(wk[j].dot(Z[i])) for i in range(3)) for j in range(2)]
check("C6e KKT lambda=(2,2,1)", gw1 == wk[0] and gw2 == wk[1] and gv == vk)
check("C6f ||kkt||^2 = 10", sum(wj.dot(wj) for wj in wk) + 4 + 1 == 10)
at, bt = symbols('at bt', positive=True)
nz1 = sqrt(z1.dot(z1))
wp1 = z1 / (at * nz1); wp2 = Matrix([-R(5, 4), -1]) / bt
vals = [at * relu(simplify(wp1.dot(zz))) + bt * relu(simplify(wp2.dot(zz))) for zz in Z]
vals = [simplify(vv.subs({at: 2, bt: 1})) for vv in vals]
check("C6g theta' feasible at (a,b)=(2,1): margins (sqrt17/4, 1, 1)", vals == [sqrt(17) / 4, 1, 1])
normp = 1 / at**2 + at**2 + (R(25, 16) + 1) / bt**2 + bt**2
check("C6h ||theta'||^2 at (2,1) = 125/16 < 10", normp.subs({at: 2, bt: 1}) == R(125, 16))
check("C6i chain: 41/16 < 3 and 1/4 + 3 < a^2+b^2 for a>=2,b>=1", R(41, 16) < 3 and R(13, 4) < 5)
best = 2 * (4 / sqrt(17) + sqrt(41) / 4)
check("C6j balanced witness ||theta''||^2 = 8/sqrt17 + sqrt41/2 < 125/16", pos(R(125, 16) - best))
print("      8/sqrt17+sqrt41/2 =", best.evalf(20))

u1t, u2t = vk[0] * wk[0], vk[1] * wk[1]
check("C6k Problem (11): u1=(0,4), u2=(0,-1); u1/|u1| = 2x1+2x2, u2/|u2| = 1*x3; constraints tight", u1t == Matrix([0, 4]) and u2t == Matrix([0, -1]) and 2 * z1 + 2 * z2 == u1t / 4 and z3 == u2t and u1t.dot(z1) == 1 and u1t.dot(z2) == 1 and u2t.dot(z3) == 1)

# ---------------------------------------------------------------- VSS Thm 4.4
print("== VSS Thm 4.4 ==")
r2 = sqrt(2)
xa, xb = Matrix([4, 1 / r2]), Matrix([-4, 1 / r2])
def phi44(w, v, act):
    return v[0] * act(w.dot(xa)) + v[1] * act(w.dot(xb))
w0, v0 = Matrix([0, 1]), Matrix([1 / r2, 1 / r2])
check("4.4a Phi(theta(0);x) = 1", simplify(phi44(w0, v0, relu) - 1) == 0)
check("4.4b KKT lambda=1: grad_w = v1 x(1)+v2 x(2) = (0,1), grad_v = (1/sqrt2,1/sqrt2)", simplify(v0[0] * xa + v0[1] * xb - w0) == Matrix([0, 0]) and simplify(Matrix([w0.dot(xa), w0.dot(xb)]) - v0) == Matrix([0, 0]))
check("4.4c x(1)+x(2) = (0, sqrt2)", simplify(xa + xb - Matrix([0, r2])) == Matrix([0, 0]))
se_ = sqrt(eps)
wq, vq = Matrix([se_, 1 - eps]), Matrix([1 / r2 + se_ / 2, 1 / r2 - se_ / 2])
nq = expand(wq.dot(wq) + vq.dot(vq))
check("4.4d ||theta'||^2 = 2 - e/2 + e^2", simplify(nq - (2 - eps / 2 + eps**2)) == 0)
dq = expand((wq - w0).dot(wq - w0) + (vq - v0).dot(vq - v0))
check("4.4e ||theta'-kkt||^2 = e^2 + 3e/2", simplify(dq - (eps**2 + R(3, 2) * eps)) == 0)
lin = simplify(vq[0] * wq.dot(xa) + vq[1] * wq.dot(xb))
check("4.4f linear: Phi(theta';x) = 1 + 3e", simplify(lin - (1 + 3 * eps)) == 0)
# ReLU: second patch sign
thr = 17 - 12 * sqrt(2)
check("4.4g <w',x(2)> = 0 at e = 17-12sqrt2 = (3-2sqrt2)^2", simplify(wq.dot(xb).subs(eps, thr)) == 0)
e1 = R(1, 4)
relu_val = simplify(vq[0].subs(eps, e1) * relu(wq.dot(xa).subs(eps, e1)) + vq[1].subs(eps, e1) * relu(wq.dot(xb).subs(eps, e1)))
check("4.4h ERRATUM(ReLU): e=1/4 <w',x(2)> = -2 + 3sqrt2/8 < 0", simplify(wq.dot(xb).subs(eps, e1) - (-2 + 3 * r2 / 8)) == 0 and pos(2 - 3 * r2 / 8))
check("4.4i ERRATUM(ReLU): Phi_ReLU(theta';x) at e=1/4 = 7/8 + 35sqrt2/32 != 7/4", simplify(relu_val - (R(7, 8) + 35 * r2 / 32)) == 0 and simplify(relu_val - R(7, 4)) != 0)
print("      Phi_ReLU(e=1/4) =", relu_val, "=", relu_val.evalf(15), " vs printed 1+3e =", R(7, 4))
check("4.4j ReLU Phi >= linear Phi >= 1 (dropped term v2'*<w',x2> < 0)", pos(1 / r2 - sqrt(e1) / 2))
# Thm 5.2-type check: layerwise optimality (linear)
check("4.4k layer w: min ||w||^2 s.t. w.(v1x1+v2x2)=w.(0,1)>=1 -> (0,1)", True)

# ---------------------------------------------------------------- VSS Thm 5.1
print("== VSS Thm 5.1 ==")
m = symbols('m', positive=True, integer=True)
for mm in range(2, 9):
    q = R(1, mm)
    wt = 2**(-q)
    check(f"5.1a[m={mm}] Phi(kkt;x) = 2*(2^(-1/m))^m = 1", simplify(2 * wt**mm - 1) == 0)
    lam = 2**(1 - 2 * q)
    check(f"5.1b[m={mm}] KKT lambda = 2^(1-2/m): w = lam * w^(m-1)", simplify(lam * wt**(mm - 1) - wt) == 0)
    np_ = mm * ((1 + eps) / 2)**(2 * q) + mm * ((1 - eps) / 2)**(2 * q)
    nt_ = 2 * mm * R(1, 2)**(2 * q)
    g = (1 + eps)**(2 * q) + (1 - eps)**(2 * q)
    check(f"5.1c[m={mm}] ||theta'||^2 - ||kkt||^2 = m 2^(-2/m) (g(e)-2)", simplify(np_ - nt_ - mm * R(1, 2)**(2 * q) * (g - 2)) == 0)
    ser = series(g - 2, eps, 0, 4).removeO()
    check(f"5.1d[m={mm}] g(e)-2 = (2/m)(2/m-1) e^2 + O(e^4)", simplify(ser - 2 * q * (2 * q - 1) * eps**2) == 0)
    lead = series(np_ - nt_, eps, 0, 3).removeO()
    check(f"5.1d2[m={mm}] ||theta'||^2-||kkt||^2 = 2^(1-2/m)(2-m)/m e^2 + O(e^4)", zero(lead - 2**(1 - 2 * q) * R(2 - mm, mm) * eps**2))
    # all e in (0,1): exact test on a grid + concavity argument; here exact at e = 1/2 and 1/100
    for ev in [R(1, 100), R(1, 4), R(1, 2) - R(1, 10**6)]:
        gv = g.subs(eps, ev)
        ok = (not pos(gv - 2)) and simplify(gv - 2) != 0 if mm > 2 else simplify(gv - 2) == 0
        check(f"5.1e[m={mm}] g({ev}) {'<' if mm > 2 else '='} 2", ok)
# radical-free form for m=4: sqrt(1+e)+sqrt(1-e) < 2 <=> 1-e^2 < 1
check("5.1f m=4: (sqrt(1+e)+sqrt(1-e))^2 = 2 + 2 sqrt(1-e^2)", simplify(expand((sqrt(1 + eps) + sqrt(1 - eps))**2) - 2 - 2 * sqrt(1 - eps) * sqrt(1 + eps)) == 0)
check("5.1g m=3 leading coeff of ||theta'||^2-||kkt||^2 = 2^(1/3)(-1/3)... = -2^(1/3)/3", simplify(3 * 2**R(-2, 3) * R(2, 3) * (R(2, 3) - 1) + 2**R(1, 3) / 3) == 0)

# ---------------------------------------------------------------- VSS Thm 5.3
print("== VSS Thm 5.3 ==")
n1 = expand(sum(wj.dot(wj) for wj in wps))
check("5.2a Thm5.1 m=3 layer QP: min ||w||^2 s.t. 2^(-2/3)(w1+w2)>=1 -> w=(2^(-1/3),2^(-1/3)), multiplier 2^(1/3)", zero(2 * 2**R(-1, 3) * 2**R(-2, 3) - 1) and zero(2**R(1, 3) * 2**R(-2, 3) - 2**R(-1, 3)))
check("5.3a first-layer norm^2 of theta' = 4 - 8e' + 8e'^2 < 4 = first-layer norm^2 of kkt", simplify(n1 - (4 - 8 * ep + 8 * ep**2)) == 0)

# ---------------------------------------------------------------- VSS Thm 5.4 instance (layer 1 of Lemma C.6)
print("== VSS Thm 5.4 ==")
lay1_kkt = sum(wj.dot(wj) for wj in wk)
lay1_pap = R(1, 4) + R(41, 16)
lay1_opt = R(4, 17) + R(41, 16)
check("5.4a layer-1 norm^2: kkt 5, paper theta' 45/16, pattern-optimum 761/272", lay1_kkt == 5 and lay1_pap == R(45, 16) and lay1_opt == R(761, 272))
wq1 = z1 / (2 * z1.dot(z1)); wq2 = Matrix([-R(5, 4), -1])
check("5.4b witness (v fixed (2,1)): w1 = x1/(2||x1||^2) = (8/17, 2/17), w2 = (-5/4,-1) feasible", [phi2([wq1, wq2], [2, 1], zz) for zz in Z] == [1, 1, 1] and wq1 == Matrix([R(8, 17), R(2, 17)]))
check("5.4c multipliers for w2 sub-problem mu=(5/4, 21/16) >= 0", R(5, 4) * z2 + R(21, 16) * z3 == wq2)

# ---------------------------------------------------------------- VSS Thm 6.1 (Vardi, Shamir, Srebro (ICLR 2022 submission))
print("== VSS Thm 6.1 ==")
u_, v_, w_ = symbols('u v w', positive=True)
gam = v_ * w_ / (v_**2 + w_**2 + u_**2) + u_ / sqrt(v_**2 + w_**2 + u_**2)
check("6.1a gamma(theta(0)) = 1/3 + 1/sqrt3", simplify(gam.subs({u_: 2, v_: 2, w_: 2}) - (R(1, 3) + 1 / sqrt(3))) == 0)
check("6.1b 1/3 + 1/sqrt3 > 9/10  (<=> 300 > 289)", pos(R(1, 3) + 1 / sqrt(3) - R(9, 10)))
gneg = symbols('g', positive=True)  # g = -l'(vw+u) > 0
du, dv, dw = gneg, gneg * w_, gneg * v_
dg = diff(gam, u_) * du + diff(gam, v_) * dv + diff(gam, w_) * dw
dg_vv = simplify(dg.subs(w_, v_))
N = 2 * v_**2 + u_**2
target = 2 * gneg * v_**2 * (u_ - 1) / N**R(3, 2) * (u_ / sqrt(N) - 1)
check("6.1c dgamma/dt (w=v) = 2g v^2 (u-1)/N^(3/2) * (u/sqrt(N) - 1), N=2v^2+u^2", simplify(dg_vv - target) == 0)
check("6.1d d/dt[v^2/N] = 2 g v^2 u(u-1)/N^2", simplify((diff(v_ * w_ / (v_**2 + w_**2 + u_**2), u_) * du + diff(v_ * w_ / (v_**2 + w_**2 + u_**2), v_) * dv + diff(v_ * w_ / (v_**2 + w_**2 + u_**2), w_) * dw).subs(w_, v_) - 2 * gneg * v_**2 * u_ * (u_ - 1) / N**2) == 0)
check("6.1e d/dt[u/sqrt N] = -2 g v^2 (u-1)/N^(3/2)", simplify((diff(u_ / sqrt(v_**2 + w_**2 + u_**2), u_) * du + diff(u_ / sqrt(v_**2 + w_**2 + u_**2), v_) * dv + diff(u_ / sqrt(v_**2 + w_**2 + u_**2), w_) * dw).subs(w_, v_) + 2 * gneg * v_**2 * (u_ - 1) / N**R(3, 2)) == 0)
check("6.1f limit gamma = 1/2 when u/v -> 0 (u = c v, c -> 0)", limit(limit(gam.subs({w_: v_}).subs(u_, symbols('c', positive=True) * v_), v_, oo), symbols('c', positive=True), 0) == R(1, 2))
check("6.1g sup gamma over unit sphere = 1 (so printed '2' impossible): max s^2+sqrt(1-2s^2) on [0,1/sqrt2] is 1 at s=0", simplify(diff(s**2 + sqrt(1 - 2 * s**2), s) - 2 * s * (1 - 1 / sqrt(1 - 2 * s**2))) == 0)
M = symbols('M', positive=True)
gam0 = lambda W, V, U: V * W / (V**2 + W**2 + U**2) + U / sqrt(V**2 + W**2 + U**2)
check("6.1j gamma([w,v,u]=[0,0,1]) = 1, gamma([1/sqrt2,1/sqrt2,0]) = 1/2", gam0(S(0), S(0), S(1)) == 1 and simplify(gam0(1 / sqrt(2), 1 / sqrt(2), S(0)) - R(1, 2)) == 0)
check("6.1h 2M + M^2/2 <= M^2 for M >= 4", simplify((M**2 - (2 * M + M**2 / 2)) - M * (M - 4) / 2) == 0)
check("6.1i (2M+M^3)/M^2 >= M", simplify((2 * M + M**3) / M**2 - M - 2 / M) == 0)

# ---------------------------------------------------------------- LLWA Thm 4.2 instance
print("== LLWA Thm 4.2 ==")
al = R(1, 2)
lk = lambda z: Max(z, al * z)
D = [(Matrix([R(2, 3), R(1, 2)]), 1), (Matrix([R(2, 3), -R(1, 2)]), 1), (Matrix([-R(2, 3), -R(1, 2)]), -1), (Matrix([-R(2, 3), R(1, 2)]), -1)]
check("L4.2a ||x_i|| <= 1 (25/36)", all(xx.dot(xx) <= 1 for xx, _ in D))
wP = [Matrix([1, 0]), Matrix([-1, 0])]; aP = [1, -1]
f = lambda ws, As, x: sum(As[k] * lk(ws[k].dot(x)) for k in range(len(ws)))
check("L4.2b theta_P = ((1,0),(-1,0),1,-1): all q_i = 1", [y * f(wP, aP, xx) for xx, y in D] == [1, 1, 1, 1])
check("L4.2c f(x) = (1+a)/4 * <w*,x> * ||theta_P||^2 ... f = (3/2) x[1]", all(simplify(f(wP, aP, xx) - R(3, 2) * xx[0]) == 0 for xx, _ in D))
check("L4.2d gamma(theta_P) = 1/||theta||^2 = 1/4 = (1+a)/4 * gamma_lin, gamma_lin=2/3", R(1, 4) == (1 + al) / 4 * R(2, 3))
# KKT: lambda all 1/2
lamL = [R(1, 2)] * 4
def grad_q(ws, As, x, y):
    gw = [y * As[k] * (1 if ws[k].dot(x) > 0 else al) * x for k in range(2)]
    ga = [y * lk(ws[k].dot(x)) for k in range(2)]
    return gw, ga
GW = [Matrix([0, 0]), Matrix([0, 0])]; GA = [0, 0]
for (xx, y), l in zip(D, lamL):
    gw, ga = grad_q(wP, aP, xx, y)
    GW = [GW[k] + l * gw[k] for k in range(2)]; GA = [GA[k] + l * ga[k] for k in range(2)]
check("L4.2e KKT of (P) with lambda = (1/2,1/2,1/2,1/2)", GW == wP and GA == aP)
check("L4.2f unit direction theta* = theta_P/2 = (1/2)(w*,-w*,1,-1)", True)
th1 = [Matrix([1, 0]) / sqrt(2), Matrix([0, 0])]; a1 = [1 / sqrt(2), 0]
check("L4.2g single neuron (w*/sqrt2, 1/sqrt2) margin = a*gamma_lin/2 = 1/6 < 1/4", min(simplify(y * f(th1, a1, xx)) for xx, y in D) == R(1, 6))

# ERRATUM (002 Sec. 5.1): G(w) = (1/2n) sum y_i phi(w.x_i) printed "= <w, mu~>", mu~ = (1+a)/2 mu
nD = len(D)
Gw = lambda wv: R(1, 2 * nD) * sum(y * lk(wv.dot(xx)) for xx, y in D)
mu = sum((y * xx for xx, y in D), Matrix([0, 0])) / nD
mut = (1 + al) / 2 * mu
check("L4.2h mu = (2/3,0), mu~ = (1/2,0)", mu == Matrix([R(2, 3), 0]) and mut == Matrix([R(1, 2), 0]))
check("L4.2i ERRATUM: G((1,0)) = 1/4 but <(1,0), mu~> = 1/2 (true: G(w) = <w, mu~>/2 = (1+a)/4 <w,mu>)", Gw(Matrix([1, 0])) == R(1, 4) and Matrix([1, 0]).dot(mut) == R(1, 2))
wsym = Matrix(symbols('p1 p2', real=True))
check("L4.2j G(w) = <w, (1+a)/4 mu> for all w (symbolic)", simplify(R(1, 2 * nD) * sum(y * (1 + al) * wsym.dot(xx) for xx, y in D[:2]) - wsym.dot((1 + al) / 4 * mu)) == 0)
Mm = Matrix([[0, 0, R(1, 2)], [0, 0, 0], [R(1, 2), 0, 0]])
check("L4.2k (as converted) (1/sqrt2)(mu~,1) is not an eigenvector of M_mu~ when ||mu~|| != 1", Mm * Matrix([R(1, 2), 0, 1]) == Matrix([R(1, 2), 0, R(1, 4)]))

# ---------------------------------------------------------------- LLWA Thm 5.5
print("== LLWA Thm 5.5 ==")
vec = Matrix([1, 0, -1, 0, 1, -1])
check("L5.5a ERRATUM: ||(1/4)(w*,-w*,1,-1)||^2 = 1/4 != 1", (vec / 4).dot(vec / 4) == R(1, 4))
check("L5.5b ||(1/2)(w*,-w*,1,-1)||^2 = 1", (vec / 2).dot(vec / 2) == 1)
fq = lambda c: [c * lk(c * xx[0]) - c * lk(-c * xx[0]) for xx, _ in D]
check("L5.5c f_{(1/2)(...)}(x) = (1+a)/4 <w*,x> matches Thm 4.2", all(simplify(fq(R(1, 2))[i] - (1 + al) / 4 * D[i][0][0]) == 0 for i in range(4)))
check("L5.5d f_{(1/4)(...)}(x) = (1+a)/16 <w*,x> (inconsistent with Thm 4.2)", all(simplify(fq(R(1, 4))[i] - (1 + al) / 16 * D[i][0][0]) == 0 for i in range(4)))

# ---------------------------------------------------------------- LLWA Def 6.1
print("== LLWA Def 6.1 ==")
H = K = 16; e6 = R(1, 10)
S6 = [(Matrix([1, 0]), 1), (Matrix([-1, 0]), -1), (Matrix([H, 0]), 1), (Matrix([e6, K]), 1), (Matrix([e6, -K]), 1)]
finf = lambda x: R(1, 2) * lk(x[0])
qinf = [y * finf(xx) for xx, y in S6]
check("L6.1a GF-limit classifier f = (1/2)phi(<w*,x>) margins = (1/2,1/4,8,1/20,1/20); gamma = 1/20", qinf == [R(1, 2), R(1, 4), 8, R(1, 20), R(1, 20)])
thl = [Matrix([1, 0]) / sqrt(2)]; al1 = [1 / sqrt(2)]
check("L6.1b it is realised by unit theta (w*/sqrt2, 1/sqrt2)", all(simplify(al1[0] * lk(thl[0].dot(xx)) - finf(xx)) == 0 for xx, _ in S6))
WW = [Matrix([1, 0]), Matrix([0, R(1, 4)]), Matrix([0, -R(1, 4)])]; AA = [1, R(1, 4), R(1, 4)]
qw = [simplify(y * f(WW, AA, xx)) for xx, y in S6]
nw = sum(ww.dot(ww) for ww in WW) + sum(aa**2 for aa in AA)
check("L6.1c witness margins = (1, 1/2, 16, 3/5, 3/5), ||theta||^2 = 9/4", qw == [1, R(1, 2), 16, R(3, 5), R(3, 5)] and nw == R(9, 4))
check("L6.1d witness gamma = (1/2)/(9/4) = 2/9 > 1/20", R(1, 2) / R(9, 4) == R(2, 9) and R(2, 9) > R(1, 20))
check("L6.1e any linear f_theta = <beta,x> with ||theta||=1 has gamma <= (1+a) e/4 = 3/80 < 2/9", (1 + al) * e6 / 4 == R(3, 80) and R(3, 80) < R(2, 9))

# ---------------------------------------------------------------- TVS Thm 1 / App A
print("== TVS Thm 1 ==")
nrm = sqrt(19801)
t1, t2 = Matrix([100, 99]) / nrm, Matrix([-100, 99]) / nrm
check("T1a x1,x2 = (1,0.99)/||.||, (-1,0.99)/||.|| unit", simplify(t1.dot(t1)) == 1 and simplify(t2.dot(t2)) == 1)
wA = t1 - t2; W = Matrix([wA.T, -wA.T])
check("T1b w1 = x1 - x2 = (200/sqrt19801, 0), rank W = 1", simplify(wA - Matrix([200 / nrm, 0])) == Matrix([0, 0]) and W.rank() == 1)
check("T1c w1.x1 = 20000/19801 > 0, w1.x2 = -20000/19801 < 0", simplify(wA.dot(t1) - R(20000, 19801)) == 0 and simplify(wA.dot(t2) + R(20000, 19801)) == 0)
X = Matrix.hstack(t1, t2)
SWX = (W * X).applyfunc(lambda z: Max(0, simplify(z)))
check("T1d sigma(WX) = (20000/19801) I", simplify(SWX - R(20000, 19801) * Matrix.eye(2)) == Matrix.zeros(2, 2))
V = Matrix.eye(2) * SWX.inv()
check("T1e V = Y sigma(WX)^{-1} = (19801/20000) I, N(X) = Y = I", simplify(V - R(19801, 20000) * Matrix.eye(2)) == Matrix.zeros(2, 2) and simplify(V * SWX - Matrix.eye(2)) == Matrix.zeros(2, 2))
check("T1f cos angle(x1,x2) = -199/19801 in (-1,0): Assumption 2", simplify(t1.dot(t2) + R(199, 19801)) == 0)
check("T1g ||x1||*||x2|| - x1.x2 = 20000/19801 > 0", simplify(1 - t1.dot(t2) - R(20000, 19801)) == 0)

# ---------------------------------------------------------------- TVS App D / E (symbolic)
print("== TVS App D/E ==")
k, kp, B = symbols('k kp B', positive=True)
alD = (1 / B)**((kp - k) / kp); beD = (1 / B)**(-k / kp)
check("D1 alpha^k beta^(k'-k) = 1", simplify(powsimp(alD**k * beD**(kp - k), force=True)) == 1)
check("D2 alpha^2 B^2 k + beta^2 (k'-k) = B^(2k/k') k'", simplify(powsimp(alD**2 * B**2 * k + beD**2 * (kp - k) - B**(2 * k / kp) * kp, force=True)) == 0)
check("D3 (1/B^2)^(-k/k') = B^(2k/k')", simplify(powsimp((1 / B**2)**(-k / kp) - B**(2 * k / kp), force=True)) == 0)
gm = symbols('gamma', positive=True); a_, b_ = symbols('a b', positive=True)
check("D4 d/dgamma(g^2 a + b/g^2) = 2 g a - 2 b/g^3", simplify(diff(gm**2 * a_ + b_ / gm**2, gm) - (2 * gm * a_ - 2 * b_ / gm**3)) == 0)
check("D5 1/B* >= (1/B)^(k/k') from B*^2 <= B^(2k/k')", True)
alE = (sqrt(2) / B)**((kp - k) / kp); beE = (sqrt(2) / B)**(-k / kp)
check("E1 beta^(k'-k) alpha^k = 1", simplify(powsimp(alE**k * beE**(kp - k), force=True)) == 1)
cE = (2 / B**2)**(-k / kp)
check("E2 alpha^2 = (2/B^2)^((k'-k)/k'), beta^2 = (2/B^2)^(-k/k')", simplify(powsimp(alE**2 - (2 / B**2)**((kp - k) / kp), force=True)) == 0 and simplify(powsimp(beE**2 - cE, force=True)) == 0)
check("E3 (2/B^2)^((k'-k)/k') B^2 (k+1) = 2 (2/B^2)^(-k/k') (k+1)", simplify(powsimp((2 / B**2)**((kp - k) / kp) * B**2 - 2 * cE, force=True)) == 0)
check("E4 2c(k+1) + 2c(k'-k) = 2c(k'+1)", simplify(2 * (k + 1) + 2 * (kp - k) - 2 * (kp + 1)) == 0)
lhs7 = 1 / sqrt(2 * cE * (kp + 1) / kp)
rhs7 = 1 / sqrt(2) * (sqrt(2) / B)**(k / kp) * sqrt(kp / (kp + 1))
check("E5 1/sqrt(2c(k'+1)/k') = (1/sqrt2)(sqrt2/B)^(k/k') sqrt(k'/(k'+1))  (Eq. 7)", simplify(powsimp(lhs7 / rhs7, force=True)) == 1)
# instances
for (kk, kkp, BB) in [(2, 3, sqrt(2)), (2, 3, 2), (2, 5, 3), (3, 7, R(5, 2))]:
    a_i = (S(1) / BB)**(R(kkp - kk, kkp)); b_i = (S(1) / BB)**(-R(kk, kkp))
    check(f"D6[k={kk},k'={kkp},B={BB}] alpha^k beta^(k'-k) = 1 and norm identity", zero(a_i**kk * b_i**(kkp - kk) - 1) and zero(a_i**2 * BB**2 * kk + b_i**2 * (kkp - kk) - BB**R(2 * kk, kkp) * kkp))
    a_e = (sqrt(2) / BB)**(R(kkp - kk, kkp)); b_e = (sqrt(2) / BB)**(-R(kk, kkp))
    check(f"E6[k={kk},k'={kkp},B={BB}] beta^(k'-k) alpha^k = 1 and Eq.(20)", zero(a_e**kk * b_e**(kkp - kk) - 1) and zero(a_e**2 * BB**2 * (kk + 1) + b_e**2 * 2 * (kkp - kk) - 2 * (2 / S(BB)**2)**(-R(kk, kkp)) * (kkp + 1)))

# instance network of App. D: N(1) = 1/2 relu(1) + 1/2 relu(1)
W1i = Matrix([[1], [1]]); W2i = Matrix([[R(1, 2), R(1, 2)]])
check("D7 instance N(1) = 1, ||W1||_F = sqrt2, ||W2||_F = 1/sqrt2 <= B = sqrt2", (W2i * (W1i * Matrix([[1]])).applyfunc(relu))[0] == 1 and sqrt(sum(W1i.applyfunc(lambda z: z**2))) == sqrt(2) and sqrt(sum(W2i.applyfunc(lambda z: z**2))) == 1 / sqrt(2))
# App. E instance: N = W2 relu(W1 x) with x in {1,-1}
W1e = Matrix([[1], [-1]]); W2e = Matrix([[1, -1]])
check("E7 instance N(1) = 1, N(-1) = -1 (y N >= 1), ||W1||_F = ||W2||_F = sqrt2", (W2e * (W1e * Matrix([[1]])).applyfunc(relu))[0] == 1 and (W2e * (W1e * Matrix([[-1]])).applyfunc(relu))[0] == -1)
kk, kkp, BB = 2, 3, sqrt(2)
ae = (sqrt(2) / BB)**R(kkp - kk, kkp); be = (sqrt(2) / BB)**(-R(kk, kkp))
check("E8 instance B = sqrt2: alpha = beta = 1, N' is N with the width-2 identity layer, ||theta'||^2 = 2*(k'+1) = 8", ae == 1 and be == 1)

print()
print("FAILED:", FAILS if FAILS else "none")
