// The GMP headers, plus inline functions for the few GMP operations that are C macros
// (Swift cannot call a macro). Everything else is called by its `__gmpz_*` / `__gmpq_*` name.
#ifndef MARGINCERT_CGMP_SHIM_H
#define MARGINCERT_CGMP_SHIM_H
#include <gmp.h>

static inline int cgmp_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }
static inline int cgmp_mpq_sgn(const __mpq_struct *q) { return mpq_sgn(q); }
static inline __mpz_struct *cgmp_mpq_num(__mpq_struct *q) { return mpq_numref(q); }
static inline __mpz_struct *cgmp_mpq_den(__mpq_struct *q) { return mpq_denref(q); }
static inline int cgmp_mpz_size(const __mpz_struct *z) { return z->_mp_size; }
static inline mp_limb_t cgmp_mpz_limb(const __mpz_struct *z, int i) { return z->_mp_d[i]; }
#endif
