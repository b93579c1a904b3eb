/* The C half of the RISC-V startup (startup.S sets sp/gp and jumps here): copies .data from
 * flash, clears .bss and runs main. picolibc's semihosting exit() ends QEMU with main's status. */
#include <stdint.h>
#include <stdlib.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss; /* from virt.ld */
extern int main(void);

void riscv_reset(void) __attribute__((noreturn));

void riscv_reset(void)
{
    uint32_t *src = &_sidata;
    uint32_t *dst = &_sdata;

    while (dst < &_edata) {
        *dst++ = *src++;
    }
    for (dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
    exit(main());
}
