// minizip's unzip (Debian: libminizip-dev, zlib licence), which reads the tables
// workbook back for `diff` and `audit`.
#include <minizip/unzip.h>
