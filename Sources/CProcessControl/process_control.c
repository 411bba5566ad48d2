#include "process_control.h"

#include <sys/prctl.h>

int two_stones_become_subreaper(void) {
  return prctl(PR_SET_CHILD_SUBREAPER, 1UL, 0UL, 0UL, 0UL);
}
