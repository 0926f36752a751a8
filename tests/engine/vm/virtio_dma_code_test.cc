// Host-side DMA into a page the CPU has already decoded: a virtio-blk read
// lands new instructions where old ones ran, and the next run must execute the
// new ones (docs/hv-soft.md "Self-modifying code and host writes"). The guest
// here issues no IC IVAU on purpose, so only the host-write detection can make
// this pass. Runs the real transport and device worker on hv/soft.
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "engine/hv/hv.h"
#include "engine/virtio/blk.h"
#include "gtest/gtest.h"
#include "tests/engine/virtio/mmio_driver.h"

namespace vmd {
namespace {

using testing::kBufBase;
using testing::kRamBase;
using testing::kTestRamSize;
using testing::MmioDriver;

constexpr uint32_t kHvc0 = 0xd4000002;
constexpr uint32_t MovzX0(uint32_t imm16) { return 0xd2800000 | (imm16 << 5); }
// A page away from the rings and request buffers MmioDriver uses.
constexpr uint64_t kCode = kRamBase + 0x200000;

class VirtioDmaCodeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TMPDIR");
    path_ = std::string(tmp != nullptr ? tmp : "/tmp") + "/vmd-dma-code-XXXXXX";
    const int fd = mkstemp(path_.data());
    ASSERT_GE(fd, 0);
    // Sector 0: the replacement code, `movz x0, #2; hvc #0`.
    std::vector<uint32_t> sector(128, 0);
    sector[0] = MovzX0(2);
    sector[1] = kHvc0;
    ASSERT_EQ(write(fd, sector.data(), 512), 512);
    close(fd);

    VirtioBlkOptions o;
    o.path = path_;
    auto blk = VirtioBlk::Open(o);
    ASSERT_TRUE(blk.ok()) << blk.status();
    d_ = std::make_unique<MmioDriver>(std::move(blk).value());
    ASSERT_TRUE(d_->Init(0, 1));

    ASSERT_EQ(hv_vm_create(nullptr), HV_SUCCESS);
    ASSERT_EQ(hv_vm_map(d_->mem().host_base(), kRamBase, kTestRamSize,
                        HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
              HV_SUCCESS);
    ASSERT_EQ(hv_vcpu_create(&vcpu_, &exit_, nullptr), HV_SUCCESS);
    ASSERT_EQ(hv_vcpu_set_reg(vcpu_, HV_REG_CPSR, 0x3c5), HV_SUCCESS);  // EL1h, DAIF masked
  }
  void TearDown() override {
    EXPECT_EQ(hv_vcpu_destroy(vcpu_), HV_SUCCESS);
    EXPECT_EQ(hv_vm_unmap(kRamBase, kTestRamSize), HV_SUCCESS);
    EXPECT_EQ(hv_vm_destroy(), HV_SUCCESS);
    d_.reset();
    unlink(path_.c_str());
  }

  // Runs from kCode to the HVC; returns X0.
  uint64_t RunCode() {
    EXPECT_EQ(hv_vcpu_set_reg(vcpu_, HV_REG_PC, kCode), HV_SUCCESS);
    EXPECT_EQ(hv_vcpu_run(vcpu_), HV_SUCCESS);
    EXPECT_EQ(exit_->reason, HV_EXIT_REASON_EXCEPTION);
    EXPECT_EQ((exit_->exception.syndrome >> 26) & 0x3f, 0x16u) << "not an HVC exit";
    uint64_t x0 = 0;
    EXPECT_EQ(hv_vcpu_get_reg(vcpu_, HV_REG_X0, &x0), HV_SUCCESS);
    return x0;
  }

  // A virtio-blk read of sector 0 into `dst` (512 bytes), through the queue.
  void DiskRead(uint64_t dst) {
    const uint64_t hdr = kBufBase, status = kBufBase + 0x100;
    const uint32_t req[4] = {kVirtioBlkTIn, 0, 0, 0};
    ASSERT_TRUE(d_->mem().Write(hdr, req, sizeof(req)).ok());
    d_->ring(0).Add({{hdr, 16, false}, {dst, 512, true}, {status, 1, true}});
    const uint16_t want = d_->ring(0).avail_idx();
    d_->Notify(0);
    ASSERT_TRUE(d_->WaitUsed(0, want));
    uint8_t s = 0xff;
    ASSERT_TRUE(d_->mem().Read(status, &s, 1).ok());
    ASSERT_EQ(s, kVirtioBlkSOk);
  }

  std::string path_;
  std::unique_ptr<MmioDriver> d_;
  hv_vcpu_t vcpu_ = 0;
  hv_vcpu_exit_t* exit_ = nullptr;
};

TEST_F(VirtioDmaCodeTest, DiskReadOverDecodedCodeRunsTheNewCode) {
  const uint32_t old_code[2] = {MovzX0(1), kHvc0};
  ASSERT_TRUE(d_->mem().Write(kCode, old_code, sizeof(old_code)).ok());
  // Twice, so the page is decoded and its block cached before the DMA.
  EXPECT_EQ(RunCode(), 1u);
  EXPECT_EQ(RunCode(), 1u);
  DiskRead(kCode);
  uint32_t now[2];
  ASSERT_TRUE(d_->mem().Read(kCode, now, sizeof(now)).ok());
  ASSERT_EQ(now[0], MovzX0(2));  // the device did write the page
  EXPECT_EQ(RunCode(), 2u);
}

}  // namespace
}  // namespace vmd
