// The reference's glue between C and a test sequence (aarch64, run under
// qemu-aarch64). dt_run saves the runner's state and jumps to the prologue
// copy, which loads the case's registers and falls through into the sequence
// at DT_CODE_IPA; the epilogue copy placed right after the sequence stores the
// registers and returns to dt_run's caller. Prologue and epilogue are copied
// next to the sequence, so they use no PC-relative addressing: the exchange
// area lives at the fixed address DT_AREA (mapped by ref_main.c).

#define DT_AREA_HI 0x3fff  // DT_AREA = 0x3fff0000
#define IN 0x000           // x0..x30, sp @248, nzcv @256
#define OUT 0x200          // same layout
#define SAVE 0x400         // runner: x19..x30, sp, tpidr_el0

        .text

// Freestanding entry: no libc for aarch64 is needed to build the reference.
        .global _start
_start:
        mov     x29, #0
        mov     x30, #0
        bl      RefMain
        mov     x8, #94             // exit_group(status)
        svc     #0

// The signal restorer: returning from a handler re-enters the kernel.
        .global dt_sigreturn
dt_sigreturn:
        mov     x8, #139            // rt_sigreturn
        svc     #0

// A fault handler points the interrupted context's PC here: restore the
// runner's state saved by dt_run and return from dt_run.
        .global dt_fault_return
dt_fault_return:
        movz    x9, #DT_AREA_HI, lsl #16
        add     x9, x9, #SAVE
        b       1f

// void dt_run(uintptr_t prologue_address)
        .global dt_run
        .type dt_run, %function
dt_run:
        movz    x9, #DT_AREA_HI, lsl #16
        add     x9, x9, #SAVE
        stp     x19, x20, [x9, #0]
        stp     x21, x22, [x9, #16]
        stp     x23, x24, [x9, #32]
        stp     x25, x26, [x9, #48]
        stp     x27, x28, [x9, #64]
        stp     x29, x30, [x9, #80]
        mov     x10, sp
        mrs     x11, tpidr_el0
        stp     x10, x11, [x9, #96]
        br      x0
        .size dt_run, . - dt_run

        .global dt_prologue_start, dt_prologue_end
dt_prologue_start:
        clrex                       // no exclusive monitor left from a previous case
        movz    x30, #DT_AREA_HI, lsl #16
        ldr     x0, [x30, #IN + 248]
        mov     sp, x0
        ldr     x0, [x30, #IN + 256]
        msr     nzcv, x0
        ldp     x0, x1, [x30, #IN + 0]
        ldp     x2, x3, [x30, #IN + 16]
        ldp     x4, x5, [x30, #IN + 32]
        ldp     x6, x7, [x30, #IN + 48]
        ldp     x8, x9, [x30, #IN + 64]
        ldp     x10, x11, [x30, #IN + 80]
        ldp     x12, x13, [x30, #IN + 96]
        ldp     x14, x15, [x30, #IN + 112]
        ldp     x16, x17, [x30, #IN + 128]
        ldp     x18, x19, [x30, #IN + 144]
        ldp     x20, x21, [x30, #IN + 160]
        ldp     x22, x23, [x30, #IN + 176]
        ldp     x24, x25, [x30, #IN + 192]
        ldp     x26, x27, [x30, #IN + 208]
        ldp     x28, x29, [x30, #IN + 224]
        ldr     x30, [x30, #IN + 240]
dt_prologue_end:

        .global dt_epilogue_start, dt_epilogue_end
dt_epilogue_start:
        msr     tpidr_el0, x0       // the one free place to park x0
        movz    x0, #DT_AREA_HI, lsl #16
        add     x0, x0, #OUT
        str     x1, [x0, #8]
        stp     x2, x3, [x0, #16]
        stp     x4, x5, [x0, #32]
        stp     x6, x7, [x0, #48]
        stp     x8, x9, [x0, #64]
        stp     x10, x11, [x0, #80]
        stp     x12, x13, [x0, #96]
        stp     x14, x15, [x0, #112]
        stp     x16, x17, [x0, #128]
        stp     x18, x19, [x0, #144]
        stp     x20, x21, [x0, #160]
        stp     x22, x23, [x0, #176]
        stp     x24, x25, [x0, #192]
        stp     x26, x27, [x0, #208]
        stp     x28, x29, [x0, #224]
        str     x30, [x0, #240]
        mov     x1, sp
        str     x1, [x0, #248]
        mrs     x1, nzcv
        str     x1, [x0, #256]
        mrs     x1, tpidr_el0
        str     x1, [x0, #0]
        add     x9, x0, #(SAVE - OUT)
1:      ldp     x10, x11, [x9, #96]
        mov     sp, x10
        msr     tpidr_el0, x11
        ldp     x19, x20, [x9, #0]
        ldp     x21, x22, [x9, #16]
        ldp     x23, x24, [x9, #32]
        ldp     x25, x26, [x9, #48]
        ldp     x27, x28, [x9, #64]
        ldp     x29, x30, [x9, #80]
        ret
dt_epilogue_end:

        .section .note.GNU-stack, "", %progbits
