#include <isa-l/igzip_lib.h>

/// ISA-L's suggested level-1 buffer size, a macro Swift cannot import.
static const unsigned int regpipe_isal_level1_buffer_size = ISAL_DEF_LVL1_DEFAULT;
