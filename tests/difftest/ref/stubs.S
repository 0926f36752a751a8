// The reference's glue between C and a test sequence (aarch64, run under
// qemu-aarch64). dt_run saves the runner's state and jumps to the prologue
// copy, which loads the case's registers and falls through into the sequence
// at DT_CODE_IPA; the epilogue copy placed right after the sequence stores the
// registers and returns to dt_run's caller. Prologue and epilogue are copied
// next to the sequence, so they use no PC-relative addressing: the exchange
// area lives at the fixed address DT_AREA (mapped by ref_main.c). The
// sequence may change FPCR and V8-V15 (callee-saved in their low halves):
// dt_run saves D8-D15 and the way back restores them and clears FPCR.

#define DT_AREA_HI 0x3fff  // DT_AREA = 0x3fff0000
#define IN 0x000           // x0..x30, sp @248, nzcv @256, fpcr @264, fpsr @272
#define VIN 0x200          // v0..v31, 16 bytes each
#define OUT 0x400          // same layout as IN
#define VOUT 0x600         // same layout as VIN
#define SAVE 0x800         // runner: x19..x30, sp, tpidr_el0, d8..d15 @112

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
        stp     d8, d9, [x9, #112]
        stp     d10, d11, [x9, #128]
        stp     d12, d13, [x9, #144]
        stp     d14, d15, [x9, #160]
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
        ldr     x0, [x30, #IN + 264]
        msr     fpcr, x0
        ldr     x0, [x30, #IN + 272]
        msr     fpsr, x0
        add     x0, x30, #VIN
        ldp     q0, q1, [x0, #0]
        ldp     q2, q3, [x0, #32]
        ldp     q4, q5, [x0, #64]
        ldp     q6, q7, [x0, #96]
        ldp     q8, q9, [x0, #128]
        ldp     q10, q11, [x0, #160]
        ldp     q12, q13, [x0, #192]
        ldp     q14, q15, [x0, #224]
        ldp     q16, q17, [x0, #256]
        ldp     q18, q19, [x0, #288]
        ldp     q20, q21, [x0, #320]
        ldp     q22, q23, [x0, #352]
        ldp     q24, q25, [x0, #384]
        ldp     q26, q27, [x0, #416]
        ldp     q28, q29, [x0, #448]
        ldp     q30, q31, [x0, #480]
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
        mrs     x1, fpcr
        str     x1, [x0, #264]
        mrs     x1, fpsr
        str     x1, [x0, #272]
        stp     q0, q1, [x0, #(VOUT - OUT + 0)]
        stp     q2, q3, [x0, #(VOUT - OUT + 32)]
        stp     q4, q5, [x0, #(VOUT - OUT + 64)]
        stp     q6, q7, [x0, #(VOUT - OUT + 96)]
        stp     q8, q9, [x0, #(VOUT - OUT + 128)]
        stp     q10, q11, [x0, #(VOUT - OUT + 160)]
        stp     q12, q13, [x0, #(VOUT - OUT + 192)]
        stp     q14, q15, [x0, #(VOUT - OUT + 224)]
        stp     q16, q17, [x0, #(VOUT - OUT + 256)]
        stp     q18, q19, [x0, #(VOUT - OUT + 288)]
        stp     q20, q21, [x0, #(VOUT - OUT + 320)]
        stp     q22, q23, [x0, #(VOUT - OUT + 352)]
        stp     q24, q25, [x0, #(VOUT - OUT + 384)]
        stp     q26, q27, [x0, #(VOUT - OUT + 416)]
        stp     q28, q29, [x0, #(VOUT - OUT + 448)]
        stp     q30, q31, [x0, #(VOUT - OUT + 480)]
        mrs     x1, tpidr_el0
        str     x1, [x0, #0]
        add     x9, x0, #(SAVE - OUT)
1:      msr     fpcr, xzr
        ldp     d8, d9, [x9, #112]
        ldp     d10, d11, [x9, #128]
        ldp     d12, d13, [x9, #144]
        ldp     d14, d15, [x9, #160]
        ldp     x10, x11, [x9, #96]
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
