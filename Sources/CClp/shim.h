// COIN-OR Clp's C interface (Debian: coinor-libclp-dev), the LP solver of the
// disclosure audit (SPEC 9.2).
#include <coin/Clp_C_Interface.h>
