/* Minimal Cortex-M startup for the QEMU test images (no CMSIS, no crt0: linked with
 * -nostartfiles). The vector table must sit at address 0, where VTOR points after reset. */
#include <stdint.h>
#include <stdlib.h>

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack; /* from sections.ld */
extern int main(void);
/* librdimon: opens the semihosting stdin/stdout/stderr; must run before the first printf. */
extern void initialise_monitor_handles(void);

void Reset_Handler(void);

/* Any fault parks the core; QEMU's timeout then reports the hang. */
static void Default_Handler(void)
{
    for (;;) {
    }
}

typedef void (*cm_handler_t)(void);

/* A struct rather than one pointer array: C99 has no portable conversion between the
 * initial stack pointer (data) and handler (function) pointers. */
struct cm_vector_table {
    uint32_t *initial_sp;
    cm_handler_t handlers[15];
};

__attribute__((section(".isr_vector"), used)) static const struct cm_vector_table vector_table = {
    &_estack,
    {
        Reset_Handler,
        Default_Handler, /* NMI */
        Default_Handler, /* HardFault */
        Default_Handler, /* MemManage (v7-M) */
        Default_Handler, /* BusFault (v7-M) */
        Default_Handler, /* UsageFault (v7-M) */
        0, 0, 0, 0,
        Default_Handler, /* SVCall */
        Default_Handler, /* DebugMonitor (v7-M) */
        0,
        Default_Handler, /* PendSV */
        Default_Handler, /* SysTick */
    },
};

void Reset_Handler(void)
{
    uint32_t *src = &_sidata;
    uint32_t *dst = &_sdata;

    while (dst < &_edata) {
        *dst++ = *src++;
    }
    for (dst = &_sbss; dst < &_ebss;) {
        *dst++ = 0;
    }
#if defined(__ARM_FP)
    /* Hard-float ABI: grant CP10/CP11 (the FPU) in CPACR before any FP instruction runs. */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
    initialise_monitor_handles();
    /* rdimon's _exit issues semihosting SYS_EXIT: QEMU ends with main's status. */
    exit(main());
}
