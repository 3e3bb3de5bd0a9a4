"""An independent re-checker of MarginCert certificates (docs/certificates.md): exact integer
and rational arithmetic from the Python standard library and python-flint (exact polynomials
over Z and Q: gcds, resultants, factorisation; Arb balls only as rigorous enclosures of exp and
log), no code shared with MarginCert."""
