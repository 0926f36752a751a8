#include "engine/boot/device_tree.h"

#include <libfdt.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "engine/boot/boot_layout.h"
#include "gtest/gtest.h"

namespace vmd {
namespace {

using namespace machine;  // NOLINT

constexpr uint64_t kMiB = 1024 * 1024;

FdtConfig BaseConfig() {
  FdtConfig c;
  c.num_cpus = 4;
  c.ram_base = kRamBase;
  c.ram_size = 512 * kMiB;
  c.cmdline = "console=ttyAMA0 earlycon=pl011,0x9000000";
  for (int i = 0; i < 64; ++i) c.rng_seed[i] = static_cast<uint8_t>(i * 3 + 1);
  return c;
}

class DeviceTreeTest : public ::testing::Test {
 protected:
  void Build(const FdtConfig& c) {
    auto dtb = BuildDeviceTree(c);
    ASSERT_TRUE(dtb.ok()) << dtb.status();
    dtb_ = std::move(dtb).value();
    ASSERT_EQ(fdt_check_full(dtb_.data(), dtb_.size()), 0);
    ASSERT_EQ(fdt_totalsize(dtb_.data()), dtb_.size());
  }
  const void* fdt() const { return dtb_.data(); }
  int Node(const char* path) {
    const int off = fdt_path_offset(fdt(), path);
    EXPECT_GE(off, 0) << path;
    return off;
  }
  // The property as big-endian 32-bit cells.
  std::vector<uint32_t> Cells(const char* path, const char* prop) {
    int len = 0;
    const auto* p = static_cast<const fdt32_t*>(fdt_getprop(fdt(), Node(path), prop, &len));
    if (p == nullptr) return {};
    std::vector<uint32_t> out;
    for (int i = 0; i < len / 4; ++i) out.push_back(fdt32_to_cpu(p[i]));
    return out;
  }
  // The property as a list of NUL-separated strings.
  std::vector<std::string> Strings(const char* path, const char* prop) {
    int len = 0;
    const char* p = static_cast<const char*>(fdt_getprop(fdt(), Node(path), prop, &len));
    std::vector<std::string> out;
    for (int i = 0; p != nullptr && i < len; i += static_cast<int>(out.back().size()) + 1) {
      out.emplace_back(p + i);
    }
    return out;
  }
  std::string String(const char* path, const char* prop) {
    auto s = Strings(path, prop);
    return s.empty() ? "" : s[0];
  }
  bool Has(const char* path, const char* prop) {
    return fdt_getprop(fdt(), Node(path), prop, nullptr) != nullptr;
  }
  uint64_t U64(const char* path, const char* prop) {
    auto c = Cells(path, prop);
    EXPECT_EQ(c.size(), 2u) << prop;
    return c.size() == 2 ? (uint64_t{c[0]} << 32) | c[1] : 0;
  }
  // The node a phandle points at.
  int ByPhandle(uint32_t phandle) { return fdt_node_offset_by_phandle(fdt(), phandle); }

  std::vector<uint8_t> dtb_;
};

TEST_F(DeviceTreeTest, RootDescribesADummyVirtMachine) {
  Build(BaseConfig());
  EXPECT_EQ(Strings("/", "compatible"), std::vector<std::string>{"linux,dummy-virt"});
  EXPECT_FALSE(String("/", "model").empty());
  EXPECT_EQ(Cells("/", "#address-cells"), std::vector<uint32_t>{2});
  EXPECT_EQ(Cells("/", "#size-cells"), std::vector<uint32_t>{2});
  const auto parent = Cells("/", "interrupt-parent");
  ASSERT_EQ(parent.size(), 1u);
  EXPECT_EQ(ByPhandle(parent[0]), Node("/intc@8000000"));
}

TEST_F(DeviceTreeTest, MemoryNode) {
  Build(BaseConfig());
  EXPECT_EQ(String("/memory@40000000", "device_type"), "memory");
  EXPECT_EQ(Cells("/memory@40000000", "reg"),
            (std::vector<uint32_t>{0, 0x40000000, 0, 0x20000000}));
}

TEST_F(DeviceTreeTest, OneCpuNodePerVcpuWithAff0AndPsci) {
  Build(BaseConfig());
  EXPECT_EQ(Cells("/cpus", "#address-cells"), std::vector<uint32_t>{1});
  EXPECT_EQ(Cells("/cpus", "#size-cells"), std::vector<uint32_t>{0});
  int count = 0;
  int child;
  fdt_for_each_subnode(child, fdt(), Node("/cpus"))++ count;
  EXPECT_EQ(count, 4);
  for (uint32_t i = 0; i < 4; ++i) {
    const std::string path = "/cpus/cpu@" + std::to_string(i);
    EXPECT_EQ(Cells(path.c_str(), "reg"), std::vector<uint32_t>{i});
    EXPECT_EQ(String(path.c_str(), "device_type"), "cpu");
    EXPECT_EQ(String(path.c_str(), "compatible"), "arm,arm-v8");
    EXPECT_EQ(String(path.c_str(), "enable-method"), "psci");
  }
  EXPECT_EQ(Strings("/psci", "compatible"),
            (std::vector<std::string>{"arm,psci-1.0", "arm,psci-0.2"}));
  EXPECT_EQ(String("/psci", "method"), "hvc");
}

TEST_F(DeviceTreeTest, GicV3WithOneRedistributorRegionForAllVcpus) {
  Build(BaseConfig());
  const char* gic = "/intc@8000000";
  EXPECT_EQ(String(gic, "compatible"), "arm,gic-v3");
  EXPECT_EQ(Cells(gic, "#interrupt-cells"), std::vector<uint32_t>{3});
  EXPECT_TRUE(Has(gic, "interrupt-controller"));
  EXPECT_EQ(Cells(gic, "#redistributor-regions"), std::vector<uint32_t>{1});
  EXPECT_EQ(Cells(gic, "reg"),
            (std::vector<uint32_t>{0, 0x08000000, 0, 0x10000, 0, 0x080a0000, 0, 4 * 0x20000}));
  EXPECT_EQ(fdt_get_phandle(fdt(), Node(gic)), kGicPhandle);
}

TEST_F(DeviceTreeTest, TimerListsPpis13_14_11_10) {
  Build(BaseConfig());
  EXPECT_EQ(String("/timer", "compatible"), "arm,armv8-timer");
  EXPECT_EQ(Cells("/timer", "interrupts"),
            (std::vector<uint32_t>{1, 13, 4, 1, 14, 4, 1, 11, 4, 1, 10, 4}));
  EXPECT_TRUE(Has("/timer", "always-on"));
}

TEST_F(DeviceTreeTest, PrimeCellDevicesWithSpisAndClocks) {
  Build(BaseConfig());
  const int clk = Node("/apb-pclk");
  EXPECT_EQ(Cells("/apb-pclk", "clock-frequency"), std::vector<uint32_t>{24000000});
  EXPECT_EQ(Cells("/apb-pclk", "#clock-cells"), std::vector<uint32_t>{0});
  EXPECT_EQ(String("/apb-pclk", "compatible"), "fixed-clock");

  EXPECT_EQ(Strings("/pl011@9000000", "compatible"),
            (std::vector<std::string>{"arm,pl011", "arm,primecell"}));
  EXPECT_EQ(Cells("/pl011@9000000", "reg"), (std::vector<uint32_t>{0, 0x09000000, 0, 0x1000}));
  EXPECT_EQ(Cells("/pl011@9000000", "interrupts"), (std::vector<uint32_t>{0, 1, 4}));
  const auto clocks = Cells("/pl011@9000000", "clocks");
  ASSERT_EQ(clocks.size(), 2u);
  EXPECT_EQ(ByPhandle(clocks[0]), clk);
  EXPECT_EQ(ByPhandle(clocks[1]), clk);
  EXPECT_EQ(Strings("/pl011@9000000", "clock-names"),
            (std::vector<std::string>{"uartclk", "apb_pclk"}));

  EXPECT_EQ(Strings("/pl031@9010000", "compatible"),
            (std::vector<std::string>{"arm,pl031", "arm,primecell"}));
  EXPECT_EQ(Cells("/pl031@9010000", "interrupts"), (std::vector<uint32_t>{0, 2, 4}));
  EXPECT_EQ(ByPhandle(Cells("/pl031@9010000", "clocks").at(0)), clk);

  const char* gpio = "/pl061@9030000";
  EXPECT_EQ(Strings(gpio, "compatible"), (std::vector<std::string>{"arm,pl061", "arm,primecell"}));
  EXPECT_EQ(Cells(gpio, "interrupts"), (std::vector<uint32_t>{0, 7, 4}));
  EXPECT_EQ(Cells(gpio, "#gpio-cells"), std::vector<uint32_t>{2});
  EXPECT_TRUE(Has(gpio, "gpio-controller"));
  EXPECT_EQ(ByPhandle(Cells(gpio, "clocks").at(0)), clk);
}

TEST_F(DeviceTreeTest, PowerButtonIsGpioThreeActiveHighKeyPower) {
  Build(BaseConfig());
  EXPECT_EQ(String("/gpio-keys", "compatible"), "gpio-keys");
  EXPECT_FALSE(String("/gpio-keys/poweroff", "label").empty());
  EXPECT_EQ(Cells("/gpio-keys/poweroff", "linux,code"), std::vector<uint32_t>{116});
  const auto gpios = Cells("/gpio-keys/poweroff", "gpios");
  ASSERT_EQ(gpios.size(), 3u);
  EXPECT_EQ(ByPhandle(gpios[0]), Node("/pl061@9030000"));
  EXPECT_EQ(gpios[1], 3u);
  EXPECT_EQ(gpios[2], 0u);  // GPIO_ACTIVE_HIGH
}

TEST_F(DeviceTreeTest, VirtioMmioSlotsAreLevelHighSpis) {
  FdtConfig c = BaseConfig();
  Build(c);
  EXPECT_LT(fdt_node_offset_by_compatible(fdt(), -1, "virtio,mmio"), 0);  // none by default
  c.virtio_mmio.push_back({kVirtioMmioBase, kVirtioMmioSlotSize, kVirtioMmioFirstSpi});
  c.virtio_mmio.push_back(
      {kVirtioMmioBase + 3 * 0x200, kVirtioMmioSlotSize, kVirtioMmioFirstSpi + 3});
  Build(c);
  EXPECT_EQ(String("/virtio_mmio@a000000", "compatible"), "virtio,mmio");
  EXPECT_EQ(Cells("/virtio_mmio@a000000", "reg"), (std::vector<uint32_t>{0, 0x0a000000, 0, 0x200}));
  EXPECT_EQ(Cells("/virtio_mmio@a000000", "interrupts"), (std::vector<uint32_t>{0, 16, 4}));
  EXPECT_EQ(Cells("/virtio_mmio@a000600", "interrupts"), (std::vector<uint32_t>{0, 19, 4}));
  EXPECT_TRUE(Has("/virtio_mmio@a000000", "dma-coherent"));
  // Lowest address first: Linux probes in this order (vda = the first disk).
  EXPECT_LT(Node("/virtio_mmio@a000000"), Node("/virtio_mmio@a000600"));
}

TEST_F(DeviceTreeTest, ChosenCarriesBootargsConsoleSeedAndInitrd) {
  FdtConfig c = BaseConfig();
  c.initrd_start = 0x4400'0000;
  c.initrd_end = 0x4412'3456;
  Build(c);
  EXPECT_EQ(String("/chosen", "bootargs"), c.cmdline);
  const std::string stdout_path = String("/chosen", "stdout-path");
  EXPECT_EQ(fdt_path_offset(fdt(), stdout_path.c_str()), Node("/pl011@9000000"));
  int len = 0;
  const void* seed = fdt_getprop(fdt(), Node("/chosen"), "rng-seed", &len);
  ASSERT_EQ(len, 64);
  EXPECT_EQ(std::memcmp(seed, c.rng_seed.data(), 64), 0);
  EXPECT_EQ(U64("/chosen", "linux,initrd-start"), 0x4400'0000u);
  EXPECT_EQ(U64("/chosen", "linux,initrd-end"), 0x4412'3456u);
  EXPECT_FALSE(Has("/chosen", "kaslr-seed"));
}

TEST_F(DeviceTreeTest, OptionalChosenProperties) {
  FdtConfig c = BaseConfig();
  c.stdout_path.clear();
  c.kaslr_seed = 0x1122334455667788;
  Build(c);
  EXPECT_FALSE(Has("/chosen", "stdout-path"));
  EXPECT_FALSE(Has("/chosen", "linux,initrd-start"));
  EXPECT_FALSE(Has("/chosen", "linux,initrd-end"));
  EXPECT_EQ(U64("/chosen", "kaslr-seed"), 0x1122334455667788u);
}

TEST_F(DeviceTreeTest, LongCommandLineGrowsTheBuffer) {
  FdtConfig c = BaseConfig();
  c.cmdline = std::string(100000, 'x');
  Build(c);
  EXPECT_EQ(String("/chosen", "bootargs").size(), 100000u);
  c.cmdline = std::string(3 * kMiB, 'y');
  EXPECT_FALSE(BuildDeviceTree(c).ok());
}

TEST_F(DeviceTreeTest, InvalidConfigsAreRejected) {
  FdtConfig c = BaseConfig();
  c.num_cpus = 0;
  EXPECT_EQ(BuildDeviceTree(c).status().code(), absl::StatusCode::kInvalidArgument);
  c.num_cpus = kMaxCpus + 1;
  EXPECT_FALSE(BuildDeviceTree(c).ok());
  c = BaseConfig();
  c.ram_size = 0;
  EXPECT_FALSE(BuildDeviceTree(c).ok());
  c = BaseConfig();
  c.initrd_start = 0x4500'0000;
  c.initrd_end = 0x4400'0000;
  EXPECT_FALSE(BuildDeviceTree(c).ok());
  c = BaseConfig();
  c.num_cpus = kMaxCpus;
  EXPECT_TRUE(BuildDeviceTree(c).ok());
}

TEST_F(DeviceTreeTest, DtcDecompilesTheBlob) {
  if (std::system("command -v dtc >/dev/null 2>&1") != 0) GTEST_SKIP() << "dtc not installed";
  FdtConfig c = BaseConfig();
  c.initrd_start = 0x4400'0000;
  c.initrd_end = 0x4480'0000;
  c.virtio_mmio.push_back({kVirtioMmioBase, kVirtioMmioSlotSize, kVirtioMmioFirstSpi});
  Build(c);
  const std::string dir = ::testing::TempDir();
  const std::string dtb_path = dir + "/device_tree_test.dtb";
  const std::string dts_path = dir + "/device_tree_test.dts";
  {
    std::ofstream f(dtb_path, std::ios::binary | std::ios::trunc);
    f.write(reinterpret_cast<const char*>(dtb_.data()), static_cast<std::streamsize>(dtb_.size()));
  }
  const std::string err_path = dir + "/device_tree_test.err";
  const std::string cmd = "dtc -I dtb -O dts -o " + dts_path + " " + dtb_path + " 2>" + err_path;
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  // dtc's semantic checks (unit addresses, interrupt providers, phandles...)
  // print warnings; a correct tree has none.
  std::ifstream err_in(err_path);
  const std::string warnings((std::istreambuf_iterator<char>(err_in)),
                             std::istreambuf_iterator<char>());
  EXPECT_EQ(warnings, "");
  std::ifstream in(dts_path);
  const std::string dts((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(dts.find("linux,dummy-virt"), std::string::npos);
  EXPECT_NE(dts.find("pl011@9000000"), std::string::npos);
  EXPECT_NE(dts.find("arm,gic-v3"), std::string::npos);
}

TEST(WriteDeviceTreeTest, PlacementRules) {
  auto mem = GuestMemory::Create(kRamBase, 16 * kMiB);
  ASSERT_TRUE(mem.ok());
  auto dtb = BuildDeviceTree(BaseConfig());
  ASSERT_TRUE(dtb.ok());
  const uint64_t addr = kRamBase + 4 * kMiB;
  ASSERT_TRUE(WriteDeviceTree(**mem, addr, *dtb).ok());
  EXPECT_EQ(fdt_check_full((*mem)->HostPtr(addr, dtb->size()), dtb->size()), 0);
  EXPECT_EQ(WriteDeviceTree(**mem, addr + 4, *dtb).code(), absl::StatusCode::kInvalidArgument);
  // Ends one byte past a 2 MiB boundary.
  EXPECT_EQ(WriteDeviceTree(**mem, kRamBase + 6 * kMiB - dtb->size() + 8, *dtb).code(),
            absl::StatusCode::kInvalidArgument);
  // Ends exactly on it: fine.
  EXPECT_TRUE(
      WriteDeviceTree(**mem, kRamBase + 6 * kMiB - ((dtb->size() + 7) & ~size_t{7}), *dtb).ok());
  EXPECT_EQ(WriteDeviceTree(**mem, kRamBase + 16 * kMiB, *dtb).code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_FALSE(WriteDeviceTree(**mem, addr, std::vector<uint8_t>(k2MiB + 8)).ok());
  EXPECT_FALSE(WriteDeviceTree(**mem, addr, {}).ok());
}

}  // namespace
}  // namespace vmd
