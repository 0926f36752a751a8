#include "engine/boot/device_tree.h"

#include <libfdt.h>

#include <initializer_list>

#include "absl/strings/str_format.h"
#include "engine/base/status_macros.h"
#include "engine/boot/boot_layout.h"

namespace vmd {
namespace {

using namespace machine;  // NOLINT: the memory map reads best unqualified here

// Thin layer over libfdt's sequential-write API that keeps the first error,
// so building reads as a list of nodes instead of a wall of checks.
class FdtWriter {
 public:
  explicit FdtWriter(size_t size) : buf_(size) {
    Check(fdt_create(buf_.data(), static_cast<int>(size)));
  }

  int error() const { return err_; }
  void Check(int ret) {
    if (ret < 0 && err_ == 0) err_ = ret;
  }
  void FinishReservemap() { Check(fdt_finish_reservemap(buf_.data())); }
  void Begin(const std::string& name) { Check(fdt_begin_node(buf_.data(), name.c_str())); }
  void End() { Check(fdt_end_node(buf_.data())); }
  void Empty(const char* name) { Check(fdt_property(buf_.data(), name, nullptr, 0)); }
  void U32(const char* name, uint32_t v) { Check(fdt_property_u32(buf_.data(), name, v)); }
  void U64(const char* name, uint64_t v) { Check(fdt_property_u64(buf_.data(), name, v)); }
  void String(const char* name, const std::string& v) {
    Check(fdt_property_string(buf_.data(), name, v.c_str()));
  }
  // A string list: each entry NUL-terminated, back to back.
  void Strings(const char* name, std::initializer_list<const char*> list) {
    std::string joined;
    for (const char* s : list) {
      joined += s;
      joined.push_back('\0');
    }
    Bytes(name, joined.data(), joined.size());
  }
  void Cells(const char* name, std::initializer_list<uint32_t> cells) {
    std::vector<fdt32_t> be;
    for (uint32_t c : cells) be.push_back(cpu_to_fdt32(c));
    Bytes(name, be.data(), be.size() * sizeof(fdt32_t));
  }
  // `reg` with #address-cells = #size-cells = 2: (address, size) pairs.
  void Reg(std::initializer_list<uint64_t> pairs) {
    std::vector<fdt64_t> be;
    for (uint64_t v : pairs) be.push_back(cpu_to_fdt64(v));
    Bytes("reg", be.data(), be.size() * sizeof(fdt64_t));
  }
  void Bytes(const char* name, const void* data, size_t len) {
    Check(fdt_property(buf_.data(), name, data, static_cast<int>(len)));
  }
  std::vector<uint8_t> Finish() {
    Check(fdt_finish(buf_.data()));
    if (err_ != 0) return {};
    buf_.resize(fdt_totalsize(buf_.data()));
    return std::move(buf_);
  }

 private:
  std::vector<uint8_t> buf_;
  int err_ = 0;
};

std::string NodeName(const char* base, uint64_t addr) {
  return absl::StrFormat("%s@%x", base, addr);
}

// A PrimeCell device node: compatible "arm,<part>", "arm,primecell"; one SPI,
// level-high; the APB clock (the PL011 also takes it as its UART clock).
void PrimeCellNode(FdtWriter& w, const char* compatible, uint64_t base, uint32_t spi) {
  w.Strings("compatible", {compatible, "arm,primecell"});
  w.Reg({base, kPrimeCellSize});
  w.Cells("interrupts", {kFdtIrqSpi, spi, kFdtIrqLevelHigh});
}

void WriteTree(FdtWriter& w, const FdtConfig& c) {
  w.FinishReservemap();
  w.Begin("");
  w.Strings("compatible", {"linux,dummy-virt"});
  w.String("model", "vmd arm64 virtual machine");
  w.U32("#address-cells", 2);
  w.U32("#size-cells", 2);
  w.U32("interrupt-parent", kGicPhandle);

  w.Begin(NodeName("memory", c.ram_base));
  w.String("device_type", "memory");
  w.Reg({c.ram_base, c.ram_size});
  w.End();

  w.Begin("cpus");
  w.U32("#address-cells", 1);
  w.U32("#size-cells", 0);
  for (uint32_t i = 0; i < c.num_cpus; ++i) {
    w.Begin(NodeName("cpu", i));
    w.String("device_type", "cpu");
    w.Strings("compatible", {"arm,arm-v8"});
    w.U32("reg", i);  // MPIDR_EL1 Aff0; Aff1-3 are zero
    w.String("enable-method", "psci");
    w.End();
  }
  w.End();

  w.Begin("psci");
  w.Strings("compatible", {"arm,psci-1.0", "arm,psci-0.2"});
  w.String("method", "hvc");
  w.End();

  w.Begin(NodeName("intc", c.gic_dist_base));
  w.Strings("compatible", {"arm,gic-v3"});
  w.U32("#interrupt-cells", 3);
  w.Empty("interrupt-controller");
  w.U32("#redistributor-regions", 1);
  // An interrupt provider states its address cells (dtc checks it); the same
  // cells and an identity `ranges` will carry the ITS child node later.
  w.U32("#address-cells", 2);
  w.U32("#size-cells", 2);
  w.Empty("ranges");
  w.Reg({c.gic_dist_base, kGicDistSize, c.gic_redist_base, kGicRedistStride * c.num_cpus});
  w.U32("phandle", kGicPhandle);
  w.End();

  // Level-high like every other line here: the timer output is active-high
  // into our GIC (the binding's level-low form is a GICv2 + cpu-mask idiom).
  w.Begin("timer");
  w.Strings("compatible", {"arm,armv8-timer"});
  w.Cells("interrupts", {kFdtIrqPpi, kTimerSecurePpi, kFdtIrqLevelHigh, kFdtIrqPpi,
                         kTimerNonSecurePpi, kFdtIrqLevelHigh, kFdtIrqPpi, kTimerVirtualPpi,
                         kFdtIrqLevelHigh, kFdtIrqPpi, kTimerHypervisorPpi, kFdtIrqLevelHigh});
  w.Empty("always-on");
  w.End();

  w.Begin("apb-pclk");
  w.Strings("compatible", {"fixed-clock"});
  w.U32("#clock-cells", 0);
  w.U32("clock-frequency", 24'000'000);
  w.String("clock-output-names", "clk24mhz");
  w.U32("phandle", kApbClockPhandle);
  w.End();

  w.Begin(NodeName("pl011", kPl011Base));
  PrimeCellNode(w, "arm,pl011", kPl011Base, kPl011Spi);
  w.Cells("clocks", {kApbClockPhandle, kApbClockPhandle});
  w.Strings("clock-names", {"uartclk", "apb_pclk"});
  w.End();

  w.Begin(NodeName("pl031", kPl031Base));
  PrimeCellNode(w, "arm,pl031", kPl031Base, kPl031Spi);
  w.Cells("clocks", {kApbClockPhandle});
  w.Strings("clock-names", {"apb_pclk"});
  w.End();

  w.Begin(NodeName("pl061", kPl061Base));
  PrimeCellNode(w, "arm,pl061", kPl061Base, kPl061Spi);
  w.U32("#gpio-cells", 2);
  w.Empty("gpio-controller");
  w.Cells("clocks", {kApbClockPhandle});
  w.Strings("clock-names", {"apb_pclk"});
  w.U32("phandle", kGpioPhandle);
  w.End();

  // The power button: pressed drives line 3 high (flags 0 = GPIO_ACTIVE_HIGH),
  // which Pl061::PressPowerButton does.
  w.Begin("gpio-keys");
  w.Strings("compatible", {"gpio-keys"});
  w.Begin("poweroff");
  w.String("label", "GPIO Key Poweroff");
  w.U32("linux,code", kKeyPower);
  w.Cells("gpios", {kGpioPhandle, static_cast<uint32_t>(kPowerButtonGpio), 0});
  w.End();
  w.End();

  // In slot order (lowest address first): Linux probes them in this order,
  // so the first disk is vda. Level-high: the transport holds its line while
  // InterruptStatus is non-zero, until the driver's InterruptACK.
  for (const VirtioMmioSlot& slot : c.virtio_mmio) {
    w.Begin(NodeName("virtio_mmio", slot.base));
    w.Strings("compatible", {"virtio,mmio"});
    w.Reg({slot.base, slot.size});
    w.Cells("interrupts", {kFdtIrqSpi, slot.spi, kFdtIrqLevelHigh});
    w.Empty("dma-coherent");
    w.End();
  }

  w.Begin("chosen");
  w.String("bootargs", c.cmdline);
  if (!c.stdout_path.empty()) w.String("stdout-path", c.stdout_path);
  w.Bytes("rng-seed", c.rng_seed.data(), c.rng_seed.size());
  if (c.kaslr_seed.has_value()) w.U64("kaslr-seed", *c.kaslr_seed);
  if (c.initrd_end != 0) {
    w.U64("linux,initrd-start", c.initrd_start);
    w.U64("linux,initrd-end", c.initrd_end);
  }
  w.End();

  w.End();  // root
}

absl::Status Validate(const FdtConfig& c) {
  if (c.num_cpus == 0 || c.num_cpus > kMaxCpus) {
    return absl::InvalidArgumentError(
        absl::StrFormat("device tree: %u vCPUs (must be 1 .. %u)", c.num_cpus, kMaxCpus));
  }
  if (c.ram_size == 0 || c.ram_base + c.ram_size < c.ram_base) {
    return absl::InvalidArgumentError(
        absl::StrFormat("device tree: bad RAM range [%#x, +%#x)", c.ram_base, c.ram_size));
  }
  if ((c.initrd_start != 0 || c.initrd_end != 0) && c.initrd_end <= c.initrd_start) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "device tree: initrd end %#x is not above its start %#x", c.initrd_end, c.initrd_start));
  }
  for (const VirtioMmioSlot& s : c.virtio_mmio) {
    if (s.size == 0 || s.spi > 987) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "device tree: virtio-mmio slot at %#x: size %#x, SPI %u", s.base, s.size, s.spi));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<uint8_t>> BuildDeviceTree(const FdtConfig& config) {
  RETURN_IF_ERROR(Validate(config));
  // Start small; a long command line or many slots grows the buffer.
  for (size_t size = 16 * 1024; size <= kMaxDtbSize; size *= 2) {
    FdtWriter w(size);
    WriteTree(w, config);
    std::vector<uint8_t> dtb = w.Finish();
    if (w.error() == -FDT_ERR_NOSPACE) continue;
    if (w.error() != 0) {
      return absl::InternalError(
          absl::StrFormat("device tree: libfdt: %s", fdt_strerror(w.error())));
    }
    return dtb;
  }
  return absl::InvalidArgumentError("device tree: larger than 2 MiB (command line too long?)");
}

absl::Status WriteDeviceTree(GuestMemory& mem, uint64_t addr, const std::vector<uint8_t>& dtb) {
  if (dtb.empty() || dtb.size() > kMaxDtbSize) {
    return absl::InvalidArgumentError(
        absl::StrFormat("device tree: %u bytes (must be 1 .. 2 MiB)", dtb.size()));
  }
  if (addr % 8 != 0) {
    return absl::InvalidArgumentError(
        absl::StrFormat("device tree: address %#x is not 8-byte aligned", addr));
  }
  if (addr / k2MiB != (addr + dtb.size() - 1) / k2MiB) {
    return absl::InvalidArgumentError(
        absl::StrFormat("device tree: [%#x, +%#x) crosses a 2 MiB boundary", addr, dtb.size()));
  }
  return mem.Write(addr, dtb.data(), dtb.size());
}

}  // namespace vmd
