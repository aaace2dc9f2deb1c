#ifndef REGPIPE_CSHIMS_H
#define REGPIPE_CSHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so a folder
/// of results is replaced in one step. Returns 0, or -1 with errno set (ENOSYS or
/// EINVAL where the kernel or file system cannot exchange).
int regpipe_exchange_paths(const char *a, const char *b);

/// Makes glibc's allocator keep freed memory below 256 MB instead of giving it back to
/// the kernel, and serve blocks up to 8 MB from its heap: the disclosure audit's
/// programmes allocate and free large blocks thousands of times, and each return to
/// the kernel was paid again in page faults. A no-op where the C library is not glibc.
void regpipe_keep_freed_memory(void);

#endif
