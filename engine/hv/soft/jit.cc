// The JIT's frame: settings, the executable arena, compiling a block (two
// passes of jit_compiler.cc's Compiler) and placing its code. See jit.h and
// docs/hv-soft.md "JIT".
#include "engine/hv/soft/jit.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "absl/base/const_init.h"
#include "absl/synchronization/mutex.h"
#include "engine/hv/soft/cpu.h"
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/exec_util.h"
#include "engine/hv/soft/jit_internal.h"
#include "engine/hv/soft/vm.h"

namespace vmd::hvsoft {

namespace {

uint32_t EnvU32(const char* name, uint32_t fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  char* end = nullptr;
  const unsigned long n = std::strtoul(v, &end, 10);
  return (end != nullptr && *end == '\0') ? static_cast<uint32_t>(n) : fallback;
}

#if defined(__x86_64__)
constexpr bool kHostHasJit = true;
#else
constexpr bool kHostHasJit = false;
#endif

std::atomic<bool> g_enabled{kHostHasJit && EnvU32("VMD_SOFT_JIT", 1) != 0};
std::atomic<uint32_t> g_threshold{EnvU32("VMD_SOFT_JIT_THRESHOLD", 16)};

}  // namespace

bool JitEnabled() { return g_enabled.load(std::memory_order_relaxed); }
uint32_t JitThreshold() { return g_threshold.load(std::memory_order_relaxed); }
void SetJitForTesting(bool enabled, uint32_t threshold) {
  g_enabled.store(kHostHasJit && enabled);
  g_threshold.store(threshold);
}

// ---- the arena -----------------------------------------------------------------

struct JitArena {
  uint8_t* base = nullptr;
  size_t size = 0;
  size_t used = 0;
  void (*enter)(Cpu*, void*) = nullptr;  // saves registers, rbx = Cpu, jumps to a block
  uint8_t* epilogue = nullptr;           // restores them and returns to JitRun
  size_t header = 0;                     // bytes of the two above
};

void JitArenaDeleter::operator()(JitArena* a) const {
  if (a->base != nullptr) munmap(a->base, a->size);
  delete a;
}

namespace {

constexpr size_t kArenaSize = 64u << 20;
// Room a block may need at most (1024 instructions and their slow paths).
constexpr size_t kMaxBlockBytes = 1u << 20;
// Callee-saved registers the blocks use (rbx = Cpu, r12 = page VA, the rest
// hold guest registers); with the return address and one pad slot the
// stack stays 16-byte aligned for the handler calls.
constexpr int kSaved[] = {x64::RBX, x64::RBP, x64::R12, x64::R13, x64::R14, x64::R15};

JitArena* MakeArena() {
  void* mem = mmap(nullptr, kArenaSize, PROT_READ | PROT_WRITE | PROT_EXEC,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mem == MAP_FAILED) return nullptr;
#ifdef MADV_HUGEPAGE
  // Compiled code is spread over the arena: huge pages spare the iTLB (an
  // idle guest's wake-ups run cold code). Advice only; failure is harmless.
  madvise(mem, kArenaSize, MADV_HUGEPAGE);
#endif
  auto* arena = new JitArena;
  arena->base = static_cast<uint8_t*>(mem);
  arena->size = kArenaSize;
  x64::Asm a;
  for (int r : kSaved) a.Push(r);
  a.AluRI(x64::kSub, x64::RSP, 8, true);
  a.MovRR(x64::RBX, x64::RDI);
  a.JmpR(x64::RSI);
  const int epilogue = a.size();
  a.AluRI(x64::kAdd, x64::RSP, 8, true);
  for (int k = static_cast<int>(std::size(kSaved)) - 1; k >= 0; --k) a.Pop(kSaved[k]);
  a.Ret();
  std::memcpy(arena->base, a.bytes().data(), a.size());
  arena->enter = reinterpret_cast<void (*)(Cpu*, void*)>(arena->base);
  arena->epilogue = arena->base + epilogue;
  arena->header = arena->used = (a.size() + 63) & ~size_t{63};
  return arena;
}

// Forgets every compiled block of the vCPU (the arena is reused from the start).
void FlushArena(Cpu& c) {
  ++c.jit_flushes;
  BumpCodeGenForJit();  // block caches hold entries into the arena
  for (auto& [pa, page] : c.code) {
    page->jit.reset();
    std::fill(std::begin(page->heat), std::end(page->heat), 0);
  }
  c.jit_arena->used = c.jit_arena->header;
}

// VMD_SOFT_JIT_PERFMAP=1 appends each compiled trace to /tmp/perf-PID.map,
// where `perf report` finds names for samples in JIT code ("vmd-jit PA",
// the guest-physical address of the trace's first instruction). The arena
// is reused after a flush, so a long profile may name old traces too.
void NoteForPerf(const uint8_t* at, size_t size, uint64_t pa) {
  static FILE* const map = [] {
    const char* v = std::getenv("VMD_SOFT_JIT_PERFMAP");
    if (v == nullptr || *v == '\0' || *v == '0') return static_cast<FILE*>(nullptr);
    char path[64];
    std::snprintf(path, sizeof(path), "/tmp/perf-%d.map", static_cast<int>(getpid()));
    return std::fopen(path, "a");
  }();
  if (map == nullptr) return;
  static absl::Mutex mu(absl::kConstInit);
  absl::MutexLock lock(&mu);
  std::fprintf(map, "%llx %zx vmd-jit %llx\n",
               static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(at)), size,
               static_cast<unsigned long long>(pa));
  std::fflush(map);
}

// Copies a compiled trace into the arena, resolves its jumps to the
// epilogue and makes it the entry of slot idx.
bool Place(Cpu& c, CodePage& page, int idx, jit::Compiler& cc) {
  JitArena& arena = *c.jit_arena;
  auto& bytes = cc.code().bytes();
  if (bytes.size() > arena.size - arena.used) return false;
  uint8_t* at = arena.base + arena.used;
  std::memcpy(at, bytes.data(), bytes.size());
  for (int f : cc.epilogue_jumps()) {
    const int64_t rel = arena.epilogue - (at + f + 4);
    const int32_t rel32 = static_cast<int32_t>(rel);
    std::memcpy(at + f, &rel32, 4);
  }
  arena.used = (arena.used + bytes.size() + 15) & ~size_t{15};
  page.jit->entry[idx] = at;
  ++c.jit_compiles;
  // VMD_SOFT_JIT_DUMP=DIR writes each block's code to DIR/<pa>-<pc>.bin, for
  // `objdump -D -b binary -m i386:x86-64` (debugging only).
  static const char* dump_dir = std::getenv("VMD_SOFT_JIT_DUMP");
  if (dump_dir != nullptr) {
    char name[512];
    std::snprintf(name, sizeof(name), "%s/%llx-%llx.bin", dump_dir,
                  static_cast<unsigned long long>(page.pa + 4 * idx),
                  static_cast<unsigned long long>(reinterpret_cast<uintptr_t>(at)));
    if (FILE* f = std::fopen(name, "wb")) {
      std::fwrite(bytes.data(), 1, bytes.size(), f);
      std::fclose(f);
    }
  }
  NoteForPerf(at, bytes.size(), page.pa + 4 * idx);
  return true;
}

}  // namespace

bool JitCompile(Cpu& c, CodePage& page, int idx) {
  if (!kHostHasJit || !JitEnabled()) return false;
  if (c.jit_arena == nullptr) {
    JitArena* arena = MakeArena();
    if (arena == nullptr) {
      g_enabled.store(false);  // no executable memory here: interpret
      return false;
    }
    c.jit_arena.reset(arena);
    for (int ah = 0; ah < 256; ++ah) {
      const int nz = ah & 0xC0, cf = ah & 1;
      c.jit_flag_table[0][ah] = static_cast<uint8_t>(nz | cf << 5);
      c.jit_flag_table[1][ah] = static_cast<uint8_t>(nz | (cf ^ 1) << 5);
    }
  }
  JitArena& arena = *c.jit_arena;
  if (arena.used + kMaxBlockBytes > arena.size) FlushArena(c);
  if (page.jit == nullptr) page.jit = std::make_unique<JitPage>();
  // Two passes: the first learns the trace's register accesses (for the
  // second's eviction choices), whether it loops to its start and whether
  // it writes memory; the second emits the code that is kept.
  jit::Compiler first(c, page, idx, *page.jit);
  if (!first.Emit()) return false;
  page.jit->solo.pop_back();
  std::vector<int> preload;
  if (first.self_loop()) {
    // Keep the loop's most used guest registers in host registers.
    preload = first.used_slots();
    std::stable_sort(preload.begin(), preload.end(), [&](int x, int y) {
      const auto& seq = first.access_sequence();
      return std::count(seq.begin(), seq.end(), x) > std::count(seq.begin(), seq.end(), y);
    });
    if (preload.size() > static_cast<size_t>(jit::kPoolSize)) preload.resize(jit::kPoolSize);
  }
  jit::Compiler cc(c, page, idx, *page.jit, &first, std::move(preload));
  if (!cc.Emit()) return false;
  return Place(c, page, idx, cc);
}

void JitRun(Cpu& c, void* entry) { c.jit_arena->enter(&c, entry); }

}  // namespace vmd::hvsoft
