// The hv API behaviours hv-api.md lists, on the soft backend: VM and vCPU
// ownership, map alignment, reset state, which exits reach the host and
// their syndromes, the vtimer, pending interrupts and hv_vcpus_exit.
#include <chrono>
#include <thread>

#include "engine/hv/soft/soft_ext.h"
#include "tests/engine/hv/soft/guest_fixture.h"

namespace vmd::hvsoft::testing {
namespace {

using HvApi = GuestTest;
constexpr uint64_t kMmio = 0x09000000;
constexpr uint64_t kVectors = kRamBase + 0x800;
constexpr uint64_t kIl = 1ull << 25;

TEST_F(HvApi, SecondVmCreateIsBusy) { EXPECT_EQ(hv_vm_create(nullptr), HV_BUSY); }

TEST_F(HvApi, VcpuCallsFromAnotherThreadFail) {
  hv_return_t get = HV_SUCCESS, run = HV_SUCCESS, exit_call = HV_ERROR;
  std::thread t([&] {
    uint64_t v;
    get = hv_vcpu_get_reg(vcpu_, HV_REG_X0, &v);
    run = hv_vcpu_run(vcpu_);
    exit_call = hv_vcpus_exit(&vcpu_, 1);  // the one call any thread may make
  });
  t.join();
  EXPECT_EQ(get, HV_BAD_ARGUMENT);
  EXPECT_EQ(run, HV_BAD_ARGUMENT);
  EXPECT_EQ(exit_call, HV_SUCCESS);
  Run();  // the request made from the other thread cancels this run
  EXPECT_EQ(exit_->reason, HV_EXIT_REASON_CANCELED);
}

TEST_F(HvApi, MapNeeds16KiBAlignment) {
  void* mem = std::aligned_alloc(16384, 4 * 16384);
  auto* p = static_cast<uint8_t*>(mem);
  const uint64_t ipa = 0x80000000;
  const uint64_t rw = HV_MEMORY_READ | HV_MEMORY_WRITE;
  EXPECT_EQ(hv_vm_map(p + 4096, ipa, 16384, rw), HV_BAD_ARGUMENT);
  EXPECT_EQ(hv_vm_map(p, ipa + 4096, 16384, rw), HV_BAD_ARGUMENT);
  EXPECT_EQ(hv_vm_map(p, ipa, 4096, rw), HV_BAD_ARGUMENT);
  EXPECT_EQ(hv_vm_map(p, ipa, 16384, rw), HV_SUCCESS);
  EXPECT_EQ(hv_vm_map(p + 16384, ipa, 16384, rw), HV_BAD_ARGUMENT);  // overlaps
  EXPECT_EQ(hv_vm_unmap(ipa, 16384), HV_SUCCESS);
  std::free(mem);
}

TEST_F(HvApi, NewVcpuStartsAllZeroAtEl0) {
  hv_vcpu_t v;
  hv_vcpu_exit_t* e;
  ASSERT_EQ(hv_vcpu_create(&v, &e, nullptr), HV_SUCCESS);
  for (int r = HV_REG_X0; r <= HV_REG_CPSR; ++r) {
    uint64_t value = 1;
    ASSERT_EQ(hv_vcpu_get_reg(v, static_cast<hv_reg_t>(r), &value), HV_SUCCESS);
    EXPECT_EQ(value, 0u) << "register " << r;
  }
  EXPECT_EQ(hv_vcpu_destroy(v), HV_SUCCESS);
}

TEST_F(HvApi, HvcExitsPastTheInstructionSmcAtIt) {
  Load({0xd4024682, 0xd4000843});  // hvc #0x1234; smc #0x42
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(exit_->exception.syndrome, 0x16ull << 26 | kIl | 0x1234);
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase + 4);
  Run();
  EXPECT_EQ(exit_->exception.syndrome, 0x17ull << 26 | kIl | 0x42);
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase + 4);
}

TEST_F(HvApi, DataAbortSyndromeForUnmappedIpa) {
  Load({
      0xf9000001,  // str x1, [x0]
      0x79800005,  // ldrsh x5, [x0]
      0x39000006,  // strb w6, [x0]
      0xb8616807,  // ldr w7, [x0, x1]
      0x88dffc09,  // ldar w9, [x0]
      0xa9401003,  // ldp x3, x4, [x0]
      0xf8408408,  // ldr x8, [x0], #8
  });
  SetX(0, kMmio);
  SetX(1, 0);
  struct Case {
    uint64_t iss;  // ISS bits 24:6 (DFSC excluded)
  };
  const Case cases[] = {
      {1u << 24 | 3u << 22 | 1u << 16 | 1u << 15 | 1u << 6},    // STR X1: SAS=3 SF WnR
      {1u << 24 | 1u << 22 | 1u << 21 | 5u << 16 | 1u << 15},   // LDRSH X5: SSE
      {1u << 24 | 6u << 16 | 1u << 6},                          // STRB W6
      {1u << 24 | 2u << 22 | 7u << 16},                         // LDR W7 (register offset)
      {1u << 24 | 2u << 22 | 9u << 16 | 1u << 14},              // LDAR W9: AR
      {0},                                                      // LDP: ISV=0
      {0},                                                      // post-index: ISV=0
  };
  uint64_t pc = kRamBase;
  for (const Case& c : cases) {
    Run();
    ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
    const uint64_t esr = exit_->exception.syndrome;
    EXPECT_EQ(ExceptionClass(esr), 0x24u);
    EXPECT_EQ(esr & kIl, kIl);
    EXPECT_EQ(esr & 0x1ffffc0, c.iss) << "at pc 0x" << std::hex << pc;
    EXPECT_EQ(exit_->exception.physical_address, kMmio);
    EXPECT_EQ(exit_->exception.virtual_address, kMmio);
    EXPECT_EQ(Reg(HV_REG_PC), pc);  // the VMM emulates and adds 4
    pc += 4;
    SetReg(HV_REG_PC, pc);
  }
}

TEST_F(HvApi, InstructionAbortForUnmappedIpa) {
  SetX(0, kMmio + 0x100);
  Load({0xd63f0000});  // blr x0
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(ExceptionClass(exit_->exception.syndrome), 0x20u);
  EXPECT_EQ(exit_->exception.physical_address, kMmio + 0x100);
  EXPECT_EQ(Reg(HV_REG_PC), kMmio + 0x100);
  EXPECT_EQ(X(30), kRamBase + 4);
}

TEST_F(HvApi, ProtectedPageExitsOnWrite) {
  ASSERT_EQ(hv_vm_protect(kRamBase + 0x4000, 0x4000, HV_MEMORY_READ), HV_SUCCESS);
  SetX(0, kRamBase + 0x4000);
  Load({0xf9000001});  // str x1, [x0]
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(ExceptionClass(exit_->exception.syndrome), 0x24u);
  EXPECT_EQ(exit_->exception.physical_address, kRamBase + 0x4000);
  ASSERT_EQ(hv_vm_protect(kRamBase + 0x4000, 0x4000,
                          HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
            HV_SUCCESS);
  SetX(1, 0x77);
  Exec({0xf9000001});
  EXPECT_EQ(Peek64(kRamBase + 0x4000), 0x77u);
}

TEST_F(HvApi, TrappedSysregSyndrome) {
  Load({0xd538cc03, 0xd518cba5});  // mrs x3, icc_iar1_el1; msr icc_sgi1r_el1, x5
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  // ISS: Op0 [21:20], Op2 [19:17], Op1 [16:14], CRn [13:10], Rt [9:5], CRm [4:1], read [0].
  EXPECT_EQ(exit_->exception.syndrome,
            0x18ull << 26 | kIl | 3u << 20 | 0u << 17 | 0u << 14 | 12u << 10 | 3u << 5 | 12u << 1 | 1);
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase);
  SetReg(HV_REG_PC, kRamBase + 4);
  Run();
  EXPECT_EQ(exit_->exception.syndrome,
            0x18ull << 26 | kIl | 3u << 20 | 5u << 17 | 0u << 14 | 12u << 10 | 5u << 5 | 11u << 1);
}

TEST_F(HvApi, WfiAndWfeExit) {
  Load({0xd503207f, 0xd503205f});  // wfi; wfe
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(exit_->exception.syndrome, 0x01ull << 26 | kIl | 0);
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase);
  SetReg(HV_REG_PC, kRamBase + 4);
  Run();
  EXPECT_EQ(exit_->exception.syndrome, 0x01ull << 26 | kIl | 1);
}

TEST_F(HvApi, VtimerFiresThenStaysMaskedUntilVmmClears) {
  Load({0x14000000});  // b .
  SetSys(HV_SYS_REG_CNTV_CVAL_EL0, 0);  // already due
  SetSys(HV_SYS_REG_CNTV_CTL_EL0, 1);   // ENABLE=1, IMASK=0
  bool masked = true;
  ASSERT_EQ(hv_vcpu_get_vtimer_mask(vcpu_, &masked), HV_SUCCESS);
  EXPECT_FALSE(masked);
  Run();
  EXPECT_EQ(exit_->reason, HV_EXIT_REASON_VTIMER_ACTIVATED);
  ASSERT_EQ(hv_vcpu_get_vtimer_mask(vcpu_, &masked), HV_SUCCESS);
  EXPECT_TRUE(masked);
  // Unmasked again by the VMM with the condition still true: fires again.
  ASSERT_EQ(hv_vcpu_set_vtimer_mask(vcpu_, false), HV_SUCCESS);
  Run();
  EXPECT_EQ(exit_->reason, HV_EXIT_REASON_VTIMER_ACTIVATED);
}

TEST_F(HvApi, VtimerOffsetMovesTheVirtualCounter) {
  ASSERT_EQ(hv_vcpu_set_vtimer_offset(vcpu_, 0), HV_SUCCESS);
  Exec({0xd53be046});  // mrs x6, cntvct_el0
  const uint64_t before = X(6);
  ASSERT_EQ(hv_vcpu_set_vtimer_offset(vcpu_, before), HV_SUCCESS);
  Exec({0xd53be046});
  // CNTVCT = counter - offset: now a small number of 24 MHz ticks.
  EXPECT_LT(X(6), before);
}

TEST_F(HvApi, PendingIrqTakenThroughVbarForOneRun) {
  SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  Load({kHvc0}, kVectors + 0x200 + 0x80);  // current EL with SPx, IRQ
  Load({0xd50342ff, 0x14000000});          // msr daifclr, #2; b .
  ASSERT_EQ(hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, true), HV_SUCCESS);
  RunToHvc();
  EXPECT_EQ(Reg(HV_REG_PC), kVectors + 0x280 + 4);
  EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase + 4);
  EXPECT_EQ(Sys(HV_SYS_REG_SPSR_EL1), 0x345u);  // EL1h, I was clear
  EXPECT_EQ(Reg(HV_REG_CPSR) & 0x3cf, 0x3c5u);  // EL1h, DAIF masked again
  bool pending = true;
  ASSERT_EQ(hv_vcpu_get_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, &pending), HV_SUCCESS);
  EXPECT_FALSE(pending);  // lasted for that one run
}

TEST_F(HvApi, PendingIrqWaitsWhilePstateIMasksIt) {
  SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  Load({kHvc0}, kVectors + 0x280);
  ASSERT_EQ(hv_vcpu_set_pending_interrupt(vcpu_, HV_INTERRUPT_TYPE_IRQ, true), HV_SUCCESS);
  Exec({0xd503201f});  // nop
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase + 8);
}

TEST_F(HvApi, VcpusExitFromAnotherThreadStopsASpinningGuest) {
  Load({0x14000000});  // b .
  std::thread t([this] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    hv_vcpu_t v = vcpu_;
    EXPECT_EQ(hv_vcpus_exit(&v, 1), HV_SUCCESS);
  });
  Run();
  t.join();
  EXPECT_EQ(exit_->reason, HV_EXIT_REASON_CANCELED);
  EXPECT_EQ(Reg(HV_REG_PC), kRamBase);
}

TEST_F(HvApi, BrkGoesToGuestUnlessTrapped) {
  SetSys(HV_SYS_REG_VBAR_EL1, kVectors);
  Load({kHvc0}, kVectors + 0x200);
  Load({0xd4200ee0});  // brk #0x77
  RunToHvc();
  EXPECT_EQ(Sys(HV_SYS_REG_ESR_EL1), 0x3cull << 26 | kIl | 0x77);
  EXPECT_EQ(Sys(HV_SYS_REG_ELR_EL1), kRamBase);
  ASSERT_EQ(hv_vcpu_set_trap_debug_exceptions(vcpu_, true), HV_SUCCESS);
  SetReg(HV_REG_CPSR, 0x3c5);
  SetReg(HV_REG_PC, kRamBase);
  Run();
  ASSERT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
  EXPECT_EQ(exit_->exception.syndrome, 0x3cull << 26 | kIl | 0x77);
}

TEST_F(HvApi, HostWriteToCodeIsNoticed) {
  Exec({0xd2800020});  // mov x0, #1
  EXPECT_EQ(X(0), 1u);
  Exec({0xd2800040});  // mov x0, #2 written over the decoded page by the host
  EXPECT_EQ(X(0), 2u);
}

TEST_F(HvApi, GuestStoreToCodeIsNoticed) {
  // The guest overwrites the instruction at kRamBase+0x10 before running it.
  SetX(1, 0xd28000e3);  // mov x3, #7
  SetX(2, kRamBase + 0x10);
  SetX(3, 0);
  Load({0xd2800020, kHvc0, 0xb9000041, kHvc0, 0xd503201f, kHvc0});
  RunToHvc();  // decodes the page (first two words)
  SetReg(HV_REG_PC, kRamBase + 8);
  RunToHvc();  // str w1, [x2]
  SetReg(HV_REG_PC, kRamBase + 0x10);
  RunToHvc();
  EXPECT_EQ(X(3), 7u);
}

// hv/soft's extension counters show the loop body was decoded once and then
// served from the decode cache.
TEST_F(HvApi, LoopIsDecodedOnceAndRunFromTheCache) {
  SetX(1, 1000);
  Exec({
      0x91000400,  // loop: add x0, x0, #1
      0xf1000421,  // subs x1, x1, #1
      0x54ffffc1,  // b.ne loop
  });
  EXPECT_EQ(X(0), 1000u);
  hv_soft_vcpu_stats_t stats;
  ASSERT_EQ(hv_soft_vcpu_get_stats(vcpu_, &stats), HV_SUCCESS);
  EXPECT_GE(stats.blocks, 1000u);
  EXPECT_GE(stats.insns_retired, 3000u);
  EXPECT_LE(stats.decoded_runs, 3u);  // loop body, fall-through, nothing more
}

TEST_F(HvApi, IdentityRegistersDescribeTheSoftCpu) {
  Exec({
      0xd5380004,  // mrs x4, midr_el1
      0xd5380405,  // mrs x5, id_aa64pfr0_el1
      0xd53b0027,  // mrs x7, ctr_el0
      0xd53b00e8,  // mrs x8, dczid_el0
      0xd5384249,  // mrs x9, currentel
  });
  EXPECT_EQ((X(4) >> 24) & 0xff, 0u);   // implementer: software use
  EXPECT_EQ((X(4) >> 16) & 0xf, 0xfu);  // architecture: ID registers
  EXPECT_EQ((X(5) >> 16) & 0xff, 0x00u);  // FP and AdvSIMD implemented, no FP16
  EXPECT_EQ((X(5) >> 24) & 0xf, 0u);      // GIC field left for the VMM
  EXPECT_EQ(X(5) & 0xff, 0x11u);          // EL0, EL1: AArch64 only
  EXPECT_EQ((X(7) >> 28) & 3, 0u);        // DIC = IDC = 0
  EXPECT_EQ(X(8), 4u);
  EXPECT_EQ(X(9), 1u << 2);
}

}  // namespace
}  // namespace vmd::hvsoft::testing
