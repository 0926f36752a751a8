/* Instructions the exceptions payload takes exceptions on, each at a global label
 * so the test can check ELR_EL1 against its exact address. */

	.text
/* uint64_t do_svc(void): SVC #0x11 at EL1; the handler puts a value in X0. */
	.globl	do_svc, svc_insn
do_svc:
	mov	x0, #0
svc_insn:
	svc	#0x11
	ret

/* void do_brk(void): BRK #0x123; the handler must step ELR past it. */
	.globl	do_brk, brk_insn
do_brk:
brk_insn:
	brk	#0x123
	ret

/* void do_udf(void): UDF #0x5a (permanently undefined); handler steps past it. */
	.globl	do_udf, udf_insn
do_udf:
udf_insn:
	udf	#0x5a
	ret

/* uint64_t el0_svc_fn(uint64_t arg): runs at EL0, returns via SVC #0x42 with
 * X0 = arg + 1 and X1 = the CurrentEL-independent marker 0xe10. */
	.globl	el0_svc_fn, el0_svc_insn
el0_svc_fn:
	add	x0, x0, #1
	mov	x1, #0xe10
el0_svc_insn:
	svc	#0x42
	b	el0_svc_fn                /* not reached: the handler leaves EL0 */

/* uint64_t el0_sysreg_fn(uint64_t): an EL1-only register read at EL0 must be
 * UNDEFINED there (EC 0x00 from a lower EL), not executed. */
	.globl	el0_sysreg_fn, el0_sysreg_insn
el0_sysreg_fn:
el0_sysreg_insn:
	mrs	x0, sctlr_el1
	ret
