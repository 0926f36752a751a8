// Oracle test for the device tree: QEMU's "virt" machine (gic-version=3) puts
// the same devices at the same addresses and SPIs as platform.md, so a real
// Debian kernel booted there with *our* DTB shows whether Linux accepts every
// node (UART with its IRQ and clocks, RTC, GPIO, GICv3, timer, PSCI SMP bring-up,
// /chosen). Label `linux`: needs qemu-system-aarch64 and a fetched kernel
// ($VMD_TEST_KERNEL, or the guest cache's cloud/Image); skipped otherwise.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "engine/boot/boot.h"
#include "gtest/gtest.h"

namespace vmd {
namespace {

constexpr uint64_t kRam = 512ull << 20;

std::string FindKernel() {
  if (const char* env = std::getenv("VMD_TEST_KERNEL")) return env;
#ifdef VMD_GUEST_CACHE_DIR
  return std::string(VMD_GUEST_CACHE_DIR) + "/cloud/Image";
#else
  return "";
#endif
}

std::string RunCommand(const std::string& cmd) {
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

TEST(LinuxDtbQemuTest, DebianKernelProbesEveryDeviceFromOurTree) {
  const std::string kernel = FindKernel();
  if (kernel.empty() || !std::ifstream(kernel).good()) GTEST_SKIP() << "no kernel at '" << kernel << "'";
  if (std::system("command -v qemu-system-aarch64 >/dev/null 2>&1") != 0) GTEST_SKIP() << "no qemu";

  // Our loader must accept the real Image too (header, image_size > file).
  auto mem = GuestMemory::Create(machine::kRamBase, kRam);
  ASSERT_TRUE(mem.ok());
  FdtConfig fdt;
  fdt.num_cpus = 2;
  // No root fs: the kernel panics once drivers are up, then QEMU exits.
  fdt.cmdline = "console=ttyAMA0 earlycon=pl011,0x9000000 panic=-1 loglevel=7";
  auto boot = PrepareBoot(**mem, kernel, "", fdt);
  ASSERT_TRUE(boot.ok()) << boot.status();
  EXPECT_EQ(boot->kernel.kind, LoadedImage::Kind::kLinuxImage);
  EXPECT_GT(boot->kernel.image_size, boot->kernel.file_size);

  const std::string dtb_path = ::testing::TempDir() + "/linux_dtb_qemu_test.dtb";
  {
    std::ofstream f(dtb_path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>((*mem)->HostPtr(boot->dtb_addr, boot->dtb_size)),
            static_cast<std::streamsize>(boot->dtb_size));
  }
  // No -append: QEMU then keeps our /chosen bootargs.
  const std::string cmd =
      "timeout 600 qemu-system-aarch64 -M virt,gic-version=3 -cpu cortex-a57 -smp 2 -m 512M "
      "-nographic -no-reboot -monitor none -serial stdio -kernel " + kernel + " -dtb " + dtb_path +
      " 2>&1";
  const std::string log = RunCommand(cmd);
  auto has = [&](const char* s) { return log.find(s) != std::string::npos; };
  EXPECT_TRUE(has("Machine model: vmd arm64 virtual machine")) << log;
  EXPECT_TRUE(has("earlycon: pl11 at MMIO 0x0000000009000000"));
  EXPECT_TRUE(has("psci: PSCIv"));
  EXPECT_TRUE(has("GICv3"));
  EXPECT_TRUE(has("arch_timer: cp15 timer(s) running at"));
  EXPECT_TRUE(has("SMP: Total of 2 processors activated"));
  EXPECT_TRUE(has("9000000.pl011: ttyAMA0 at MMIO 0x9000000"));
  EXPECT_TRUE(has("rtc-pl031 9010000.pl031: registered as rtc0"));
  EXPECT_TRUE(has("PL061 GPIO chip registered"));
  EXPECT_TRUE(has("Kernel command line: console=ttyAMA0"));
}

}  // namespace
}  // namespace vmd
