// libxlsxwriter (Debian: libxlsxwriter-dev, BSD-2), which writes the tables workbook
// (publish.formats: xlsx).
#include <xlsxwriter.h>
