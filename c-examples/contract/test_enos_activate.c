/* The EnOS activation exports (request datagram and reply parsing). */
#include "contract.h"

void ct_suite_enos_activate(void)
{
}
