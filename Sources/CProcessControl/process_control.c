#include "process_control.h"

#include <errno.h>

#if defined(__linux__)
#include <sys/prctl.h>

int two_stones_become_subreaper(void) {
  return prctl(PR_SET_CHILD_SUBREAPER, 1UL, 0UL, 0UL, 0UL);
}
#else
// Elsewhere (Darwin among them) there is no subreaper: what an example starts in its own
// process group is still ended with the group; what escapes it is not adopted.
int two_stones_become_subreaper(void) {
  errno = ENOSYS;
  return -1;
}
#endif
