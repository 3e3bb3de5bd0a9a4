"""An independent re-checker of MarginCert certificates (docs/certificates.md): exact integer
and rational arithmetic from the Python standard library only, no code shared with MarginCert."""
