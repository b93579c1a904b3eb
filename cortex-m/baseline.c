/* The C-only baseline for the size table: startup, newlib-nano and semihosting puts, with
 * no library call, so sign_only's image minus this one is what IOT_Sign_MQTT costs. */
#include <stdio.h>

int main(void)
{
    puts("baseline");
    return 0;
}
