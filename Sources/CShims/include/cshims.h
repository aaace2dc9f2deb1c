#ifndef REGPIPE_CSHIMS_H
#define REGPIPE_CSHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE), so a folder
/// of results is replaced in one step. Returns 0, or -1 with errno set (ENOSYS or
/// EINVAL where the kernel or file system cannot exchange).
int regpipe_exchange_paths(const char *a, const char *b);

#endif
