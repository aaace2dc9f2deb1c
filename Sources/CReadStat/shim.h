// ReadStat (Debian: libreadstat-dev, MIT; no pkg-config file), which reads and writes
// SAS datasets (SPEC 2.1).
#include <readstat.h>
