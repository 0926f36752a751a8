// hvrun: runs one raw bare-metal arm64 payload on the hv API with just enough
// machine around it (RAM, a minimal device tree, PL011 data register, PSCI).
// The stopgap runner for tests/guests payloads until the full vmm exists.
//
//   hvrun payload.bin [--mem 128M] [--timeout-s N] [--append "cmdline"] [--stats]
//
// --stats (hv/soft only): at the end, prints to stderr the guest instructions
// the vCPU retired and the wall time of the run (bench/cpu uses it).
// A file with the arm64 Image header (magic "ARM\x64" at offset 56) loads at
// RAM base + text_offset as the Linux boot protocol asks; anything else is a
// raw payload at RAM base + 0x80000.
// Exit status: 0 after PSCI SYSTEM_OFF (or SYSTEM_RESET), non-zero with a
// message on anything unexpected (unknown exit, stray MMIO, timeout).
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdarg>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

extern "C" {
#include <libfdt.h>
}

#include "engine/hv/hv.h"
#ifdef VMD_HVRUN_SOFT_STATS
#include "engine/hv/soft/soft_ext.h"
#endif

namespace {

constexpr uint64_t kRamBase = 0x40000000;
constexpr uint64_t kLoadOffset = 0x80000;
constexpr uint64_t kUartBase = 0x09000000;
constexpr uint64_t kUartSize = 0x1000;
constexpr uint64_t kDtbMax = 64 * 1024;

constexpr uint32_t kPsciVersion = 0x84000000;
constexpr uint32_t kPsciSystemOff = 0x84000008;
constexpr uint32_t kPsciSystemReset = 0x84000009;

[[noreturn]] void Fail(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
void Fail(const char* fmt, ...) {
  std::fflush(stdout);
  va_list ap;
  va_start(ap, fmt);
  std::fprintf(stderr, "hvrun: ");
  std::vfprintf(stderr, fmt, ap);
  std::fprintf(stderr, "\n");
  va_end(ap);
  std::exit(2);
}

void Check(hv_return_t r, const char* what) {
  if (r != HV_SUCCESS) Fail("%s failed: 0x%x", what, static_cast<unsigned>(r));
}

bool ParseSize(const std::string& s, uint64_t* out) {
  char* end = nullptr;
  uint64_t v = std::strtoull(s.c_str(), &end, 0);
  if (end == s.c_str()) return false;
  switch (*end) {
    case 'k': case 'K': v <<= 10; ++end; break;
    case 'm': case 'M': v <<= 20; ++end; break;
    case 'g': case 'G': v <<= 30; ++end; break;
    default: break;
  }
  if (*end != '\0') return false;
  *out = v;
  return true;
}

// A small but complete device tree: memory, one PSCI CPU, the PL011, chosen.
void BuildDtb(void* buf, uint64_t mem_size, const std::string& bootargs) {
  if (fdt_create_empty_tree(buf, kDtbMax) != 0) Fail("fdt_create_empty_tree");
  int root = 0;
  fdt_setprop_u32(buf, root, "#address-cells", 2);
  fdt_setprop_u32(buf, root, "#size-cells", 2);
  fdt_setprop_string(buf, root, "compatible", "linux,dummy-virt");
  fdt_setprop_string(buf, root, "model", "vmd hvrun");

  int mem = fdt_add_subnode(buf, root, "memory@40000000");
  fdt_setprop_string(buf, mem, "device_type", "memory");
  fdt_appendprop_u64(buf, mem, "reg", kRamBase);
  fdt_appendprop_u64(buf, mem, "reg", mem_size);

  int cpus = fdt_add_subnode(buf, root, "cpus");
  fdt_setprop_u32(buf, cpus, "#address-cells", 1);
  fdt_setprop_u32(buf, cpus, "#size-cells", 0);
  int cpu = fdt_add_subnode(buf, cpus, "cpu@0");
  fdt_setprop_string(buf, cpu, "device_type", "cpu");
  fdt_setprop_string(buf, cpu, "compatible", "arm,armv8");
  fdt_setprop_u32(buf, cpu, "reg", 0);
  fdt_setprop_string(buf, cpu, "enable-method", "psci");

  int psci = fdt_add_subnode(buf, root, "psci");
  fdt_setprop(buf, psci, "compatible", "arm,psci-1.0\0arm,psci-0.2", 26);
  fdt_setprop_string(buf, psci, "method", "hvc");

  int uart = fdt_add_subnode(buf, root, "pl011@9000000");
  fdt_setprop(buf, uart, "compatible", "arm,pl011\0arm,primecell", 24);
  fdt_appendprop_u64(buf, uart, "reg", kUartBase);
  fdt_appendprop_u64(buf, uart, "reg", kUartSize);

  int chosen = fdt_add_subnode(buf, root, "chosen");
  fdt_setprop_string(buf, chosen, "stdout-path", "/pl011@9000000");
  if (!bootargs.empty()) fdt_setprop_string(buf, chosen, "bootargs", bootargs.c_str());
  if (fdt_pack(buf) != 0) Fail("fdt_pack");
}

std::atomic<bool> g_timed_out{false};

}  // namespace

int main(int argc, char** argv) {
  std::string payload;
  uint64_t mem_size = 128ull << 20;
  int timeout_s = 60;
  std::string bootargs;
  bool stats = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--mem" && i + 1 < argc) {
      if (!ParseSize(argv[++i], &mem_size)) Fail("bad --mem %s", argv[i]);
    } else if (a == "--timeout-s" && i + 1 < argc) {
      timeout_s = std::atoi(argv[++i]);
    } else if (a == "--append" && i + 1 < argc) {
      bootargs = argv[++i];
    } else if (a == "--stats") {
      stats = true;
    } else if (!a.empty() && a[0] != '-' && payload.empty()) {
      payload = a;
    } else {
      Fail("usage: hvrun payload.bin [--mem 128M] [--timeout-s N] [--append cmdline] [--stats] "
           "(bad argument %s)", a.c_str());
    }
  }
  if (payload.empty()) Fail("usage: hvrun payload.bin [--mem 128M] [--timeout-s N] [--append cmdline]");
  if (mem_size < (4ull << 20) || mem_size % (16 * 1024) != 0) Fail("--mem must be >= 4M, 16K-aligned");

  void* ram = mmap(nullptr, mem_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (ram == MAP_FAILED) Fail("cannot allocate %llu bytes of guest RAM", (unsigned long long)mem_size);
  auto* ram8 = static_cast<uint8_t*>(ram);

  FILE* f = std::fopen(payload.c_str(), "rb");
  if (f == nullptr) Fail("%s: %s", payload.c_str(), std::strerror(errno));
  // arm64 Image header: text_offset at 8, magic at 56.
  uint8_t header[64] = {};
  const size_t got = std::fread(header, 1, sizeof header, f);
  std::rewind(f);
  uint64_t load_offset = kLoadOffset;
  if (got == sizeof header && std::memcmp(header + 56, "ARM\x64", 4) == 0) {
    std::memcpy(&load_offset, header + 8, 8);
    if (load_offset >= (2ull << 20)) Fail("%s: odd text_offset 0x%llx", payload.c_str(), (unsigned long long)load_offset);
  }
  const size_t room = mem_size - load_offset - (2ull << 20);
  const size_t n = std::fread(ram8 + load_offset, 1, room, f);
  const bool too_big = !std::feof(f);
  std::fclose(f);
  if (too_big) Fail("%s: payload larger than %zu bytes", payload.c_str(), room);
  if (n == 0) Fail("%s: empty payload", payload.c_str());

  // The DTB goes 2 MiB below the end of RAM (8-byte aligned, above the payload).
  const uint64_t dtb_offset = mem_size - (2ull << 20);
  BuildDtb(ram8 + dtb_offset, mem_size, bootargs);

  Check(hv_vm_create(nullptr), "hv_vm_create");
  Check(hv_vm_map(ram, kRamBase, mem_size, HV_MEMORY_READ | HV_MEMORY_WRITE | HV_MEMORY_EXEC),
        "hv_vm_map");
  hv_vcpu_t vcpu;
  hv_vcpu_exit_t* exit_info;
  Check(hv_vcpu_create(&vcpu, &exit_info, nullptr), "hv_vcpu_create");
  Check(hv_vcpu_set_sys_reg(vcpu, HV_SYS_REG_MPIDR_EL1, 1ull << 31), "set MPIDR");
  Check(hv_vcpu_set_reg(vcpu, HV_REG_CPSR, 0x3c5), "set CPSR");
  Check(hv_vcpu_set_reg(vcpu, HV_REG_PC, kRamBase + load_offset), "set PC");
  Check(hv_vcpu_set_reg(vcpu, HV_REG_X0, kRamBase + dtb_offset), "set X0");

  std::thread watchdog([vcpu, timeout_s] {
    std::this_thread::sleep_for(std::chrono::seconds(timeout_s));
    g_timed_out = true;
    hv_vcpu_t v = vcpu;
    hv_vcpus_exit(&v, 1);
  });
  watchdog.detach();

  auto get = [&](hv_reg_t r) {
    uint64_t v = 0;
    Check(hv_vcpu_get_reg(vcpu, r, &v), "hv_vcpu_get_reg");
    return v;
  };
  auto set = [&](hv_reg_t r, uint64_t v) { Check(hv_vcpu_set_reg(vcpu, r, v), "hv_vcpu_set_reg"); };
  auto skip = [&] { set(HV_REG_PC, get(HV_REG_PC) + 4); };
  const auto started = std::chrono::steady_clock::now();
  auto report = [&] {
    if (!stats) return;
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
#ifdef VMD_HVRUN_SOFT_STATS
    hv_soft_vcpu_stats_t st = {};
    Check(hv_soft_vcpu_get_stats(vcpu, &st), "hv_soft_vcpu_get_stats");
    std::fprintf(stderr,
                 "hvrun: insns_retired=%llu blocks=%llu tlb_refills=%llu jit_compiles=%llu "
                 "jit_flushes=%llu seconds=%.6f\n",
                 (unsigned long long)st.insns_retired, (unsigned long long)st.blocks,
                 (unsigned long long)st.tlb_refills, (unsigned long long)st.jit_compiles,
                 (unsigned long long)st.jit_flushes, secs);
#else
    std::fprintf(stderr, "hvrun: seconds=%.6f (instruction counts need hv/soft)\n", secs);
#endif
  };

  for (;;) {
    Check(hv_vcpu_run(vcpu), "hv_vcpu_run");
    if (exit_info->reason == HV_EXIT_REASON_CANCELED) {
      if (g_timed_out) Fail("timeout after %d s (PC 0x%llx)", timeout_s, (unsigned long long)get(HV_REG_PC));
      continue;
    }
    if (exit_info->reason == HV_EXIT_REASON_VTIMER_ACTIVATED) {
      // No interrupt controller here: leave the vtimer masked.
      continue;
    }
    if (exit_info->reason != HV_EXIT_REASON_EXCEPTION) Fail("unknown exit reason %u", exit_info->reason);
    const uint64_t esr = exit_info->exception.syndrome;
    const uint32_t ec = static_cast<uint32_t>(esr >> 26) & 0x3f;
    switch (ec) {
      case 0x16:    // HVC: PC already advanced
      case 0x17: {  // SMC: PC still at the SMC
        if (ec == 0x17) skip();
        const uint32_t fn = static_cast<uint32_t>(get(HV_REG_X0));
        if (fn == kPsciVersion) {
          set(HV_REG_X0, 0x10001);
        } else if (fn == kPsciSystemOff) {
          std::fflush(stdout);
          report();
          return 0;
        } else if (fn == kPsciSystemReset) {
          std::fflush(stdout);
          std::fprintf(stderr, "hvrun: guest asked for SYSTEM_RESET\n");
          return 0;
        } else {
          set(HV_REG_X0, static_cast<uint64_t>(-1));  // NOT_SUPPORTED
        }
        break;
      }
      case 0x24: {  // data abort: the PL011 is the only device
        const uint64_t ipa = exit_info->exception.physical_address;
        const bool isv = (esr >> 24) & 1, write = (esr >> 6) & 1;
        const uint32_t srt = (esr >> 16) & 31;
        if (!isv || ipa < kUartBase || ipa >= kUartBase + kUartSize) {
          Fail("unexpected data abort at IPA 0x%llx (ESR 0x%llx, PC 0x%llx)",
               (unsigned long long)ipa, (unsigned long long)esr,
               (unsigned long long)get(HV_REG_PC));
        }
        if (write) {
          if (ipa - kUartBase == 0) {
            const uint64_t v = srt == 31 ? 0 : get(static_cast<hv_reg_t>(HV_REG_X0 + srt));
            std::fputc(static_cast<int>(v & 0xff), stdout);
            if ((v & 0xff) == '\n') std::fflush(stdout);
          }
        } else if (srt != 31) {
          set(static_cast<hv_reg_t>(HV_REG_X0 + srt), 0);  // FR: TX never full; others 0
        }
        skip();
        break;
      }
      case 0x01:  // WFI/WFE: nothing to wake us but time
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        skip();
        break;
      case 0x18: {  // trapped system register: RAZ/WI
        const uint32_t rt = (esr >> 5) & 31;
        if ((esr & 1) && rt != 31) set(static_cast<hv_reg_t>(HV_REG_X0 + rt), 0);
        skip();
        break;
      }
      default:
        Fail("unexpected exception class 0x%x (ESR 0x%llx, PC 0x%llx, FAR 0x%llx)", ec,
             (unsigned long long)esr, (unsigned long long)get(HV_REG_PC),
             (unsigned long long)exit_info->exception.virtual_address);
    }
  }
}
