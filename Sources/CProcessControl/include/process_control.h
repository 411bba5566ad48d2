// The one prctl call the runner needs. prctl is variadic, and Swift cannot call variadic
// C functions, so it is wrapped here.
#ifndef TWO_STONES_PROCESS_CONTROL_H
#define TWO_STONES_PROCESS_CONTROL_H

/// Makes the calling process the "child subreaper" of its descendants (Linux 3.4+): a
/// process whose parent dies is handed to it instead of to init, so that it can find and
/// stop what an example left behind, even in another process group or session.
/// Returns 0 on success, -1 with errno set where the system does not allow it, and -1
/// with ENOSYS on systems other than Linux, which have no subreaper.
int two_stones_become_subreaper(void);

#endif
