"""An independent re-checker of MarginCert certificates (docs/certificates.md): exact integer
and rational arithmetic from the Python standard library (python-flint factors polynomials and
takes resultants for the two-parameter projection), no code shared with MarginCert."""
