/* Minimal RISC-V startup for the QEMU test images (qemu-system-riscv32 -M virt -bios none,
 * linked with -nostartfiles). QEMU's reset ROM jumps to the start of RAM, where virt.ld puts
 * .text.start. Sets the global, stack and thread pointers, points mtvec at a trap handler that parks
 * the hart (QEMU's timeout then reports the hang, as on Cortex-M), and hands over to C. */
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax                 /* gp is not set yet: no gp-relative relaxation here */
    la      gp, __global_pointer$
    .option pop
    la      sp, _estack
    la      tp, __tls_base          /* virt.ld: the thread-local block (picolibc's errno) */
    la      t0, riscv_trap
    .option push
    .option arch, +zicsr            /* binutils 2.40 wants it named; every core here has it */
    csrw    mtvec, t0
    .option pop
    j       riscv_reset             /* startup.c: .data, .bss, exit(main()) */

    .text
    .balign 4                       /* mtvec ignores the two low bits: the handler is aligned */
riscv_trap:
    wfi
    j       riscv_trap
