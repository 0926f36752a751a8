/* Entry points of vmd's bare-metal test payloads.
 * _start is byte 0 of the arm64 Image: the boot CPU arrives here at EL1h, MMU off,
 * X0 = DTB. secondary_entry is the address psci_cpu_on_fn() gives PSCI CPU_ON. */

#define GUEST_STACK_SIZE 0x4000   /* must match guest.ld */
#define GUEST_MAX_CPUS 16

	.section .text.head, "ax"
	.globl	_start
_start:
	b	primary_entry             /* code0 */
	.long	0                         /* code1 */
	.quad	0x80000                   /* text_offset: loaded at 2 MiB base + 0x80000 */
	.quad	__image_size              /* image_size, including .bss and stacks */
	.quad	0x2                       /* flags: little-endian, 4 KiB pages */
	.quad	0                         /* res2 */
	.quad	0                         /* res3 */
	.quad	0                         /* res4 */
	.long	0x644d5241                /* magic "ARM\x64" */
	.long	0                         /* res5: no PE/COFF header */

	.text
primary_entry:
	mrs	x21, daif                 /* as the loader left them, for the hello test */
	mrs	x22, spsel
	msr	daifset, #0xf
	msr	spsel, #1
	mov	x19, x0                   /* DTB */
	adr	x20, _start               /* where we really run: PC-relative */
	bl	set_cpu_stack
	adrp	x0, __bss_start
	add	x0, x0, :lo12:__bss_start
	adrp	x1, __bss_end
	add	x1, x1, :lo12:__bss_end
1:	cmp	x0, x1
	b.hs	2f
	str	xzr, [x0], #8
	b	1b
2:	adrp	x0, boot_load_address
	str	x20, [x0, :lo12:boot_load_address]
	adrp	x0, boot_entry_daif
	str	x21, [x0, :lo12:boot_entry_daif]
	adrp	x0, boot_entry_spsel
	str	x22, [x0, :lo12:boot_entry_spsel]
	bl	set_vectors
	mov	x0, x19
	bl	runtime_primary_main      /* does not return */
	b	halt

	.globl	secondary_entry
secondary_entry:
	msr	daifset, #0xf
	msr	spsel, #1
	mov	x19, x0                   /* context id */
	bl	set_cpu_stack
	bl	set_vectors
	mov	x0, x19
	bl	runtime_secondary_main    /* does not return */
	b	halt

/* SP = top of this CPU's stack, indexed by MPIDR_EL1.Aff0. Clobbers x0-x2. */
set_cpu_stack:
	mrs	x0, mpidr_el1
	and	x0, x0, #0xff
	cmp	x0, #GUEST_MAX_CPUS
	b.hs	halt                      /* no stack for it: park */
	add	x0, x0, #1
	adrp	x1, __stacks_start
	add	x1, x1, :lo12:__stacks_start
	mov	x2, #GUEST_STACK_SIZE
	madd	x1, x0, x2, x1
	mov	sp, x1
	ret

set_vectors:
	adrp	x0, exception_vectors
	add	x0, x0, :lo12:exception_vectors
	msr	vbar_el1, x0
	isb
	ret

	.globl	halt
halt:
	wfi
	b	halt

	.data
	.balign	8
	.globl	boot_load_address
boot_load_address:
	.quad	0
	.globl	boot_entry_daif
boot_entry_daif:
	.quad	0
	.globl	boot_entry_spsel
boot_entry_spsel:
	.quad	0
