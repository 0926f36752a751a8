/* The EL1 exception vector table and the EL0 round trip of the payload runtime.
 * Every vector saves the interrupted state in a struct exc_frame (exceptions.h) and
 * calls exception_dispatch(); run_at_el0()/el0_return() are used by exception tests. */

#define FRAME_SIZE 272   /* sizeof(struct exc_frame) */
#define EL0_CTX_SIZE 96  /* x19..x30 */

	.macro	VENTRY idx
	.balign	0x80
	sub	sp, sp, #FRAME_SIZE
	stp	x0, x1, [sp, #0]
	mov	x0, #\idx
	b	exception_common
	.endm

	.text
	.balign	0x800
	.globl	exception_vectors
exception_vectors:
	VENTRY	0
	VENTRY	1
	VENTRY	2
	VENTRY	3
	VENTRY	4
	VENTRY	5
	VENTRY	6
	VENTRY	7
	VENTRY	8
	VENTRY	9
	VENTRY	10
	VENTRY	11
	VENTRY	12
	VENTRY	13
	VENTRY	14
	VENTRY	15

exception_common:
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	mrs	x2, sp_el0
	stp	x30, x2, [sp, #240]
	mrs	x2, elr_el1
	mrs	x3, spsr_el1
	stp	x2, x3, [sp, #256]
	mov	x1, sp
	bl	exception_dispatch        /* (vector, frame); may edit the frame */
	ldp	x2, x3, [sp, #256]
	msr	elr_el1, x2
	msr	spsr_el1, x3
	ldp	x30, x2, [sp, #240]
	msr	sp_el0, x2
	ldp	x28, x29, [sp, #224]
	ldp	x26, x27, [sp, #208]
	ldp	x24, x25, [sp, #192]
	ldp	x22, x23, [sp, #176]
	ldp	x20, x21, [sp, #160]
	ldp	x18, x19, [sp, #144]
	ldp	x16, x17, [sp, #128]
	ldp	x14, x15, [sp, #112]
	ldp	x12, x13, [sp, #96]
	ldp	x10, x11, [sp, #80]
	ldp	x8, x9, [sp, #64]
	ldp	x6, x7, [sp, #48]
	ldp	x4, x5, [sp, #32]
	ldp	x2, x3, [sp, #16]
	ldp	x0, x1, [sp, #0]
	add	sp, sp, #FRAME_SIZE
	eret

/* x4 = &el0_saved_sp[this CPU]. Clobbers x3. */
	.macro	EL0_SLOT
	mrs	x3, mpidr_el1
	and	x3, x3, #0xf
	adrp	x4, el0_saved_sp
	add	x4, x4, :lo12:el0_saved_sp
	add	x4, x4, x3, lsl #3
	.endm

/* uint64_t run_at_el0(uint64_t (*fn)(uint64_t), uint64_t arg, uint64_t sp_el0)
 * Runs fn(arg) at EL0t with interrupts masked; returns when a handler calls
 * el0_return(value), or fn returns (the trampoline's SVC does that for it). */
	.globl	run_at_el0
run_at_el0:
	sub	sp, sp, #EL0_CTX_SIZE
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	EL0_SLOT
	mov	x5, sp
	str	x5, [x4]
	msr	sp_el0, x2
	msr	elr_el1, x0
	mov	x5, #0x3c0                /* EL0t, DAIF masked */
	msr	spsr_el1, x5
	mov	x0, x1
	adr	x30, el0_return_trampoline
	isb
	eret

/* void el0_return(uint64_t value): back to run_at_el0's caller on this CPU. */
	.globl	el0_return
el0_return:
	EL0_SLOT
	ldr	x5, [x4]
	mov	sp, x5
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	add	sp, sp, #EL0_CTX_SIZE
	ret

/* Runs at EL0 when an EL0 function returns: X0 is its result. */
	.globl	el0_return_trampoline
el0_return_trampoline:
	svc	#0xe0                     /* EL0_RETURN_SVC in exceptions.h */
	b	el0_return_trampoline

	.bss
	.balign	8
el0_saved_sp:
	.skip	8 * 16
