// Builds one differential test case: initial registers, NZCV, data seed and a
// random instruction sequence assembled from snippets emitted by generators
// (one generator per decoder-table line or encoding group). Called by
// difftest_main.cc; the generators live in gen_*.cc and register in
// generators.cc.
#ifndef VMD_TESTS_DIFFTEST_CASE_BUILDER_H_
#define VMD_TESTS_DIFFTEST_CASE_BUILDER_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "tests/difftest/case_format.h"
#include "tests/difftest/rng.h"

namespace vmd::difftest {

class CaseBuilder;

// One generator: emits one snippet (the instruction under test plus whatever
// setup it needs, e.g. a MOV of a data address into a base register).
struct Generator {
  const char* name;
  void (*emit)(CaseBuilder& b);
  // Fillers are ALU-only generators that branch snippets use as the
  // instructions a branch skips over (no memory access, no branch).
  bool filler = false;
  // The Linux signal the reference takes at the snippet's first instruction
  // (0: runs through): the generators of undefined encodings and BRK.
  int expect_signal = 0;
  // An optional architecture feature the instructions need ("crc32", "lse",
  // "rcpc", "flagm"), or null: runs skip the generator when the hv side's ID
  // registers do not advertise it.
  const char* feature = nullptr;
  // An FP/SIMD generator (gen_fp*.cc, gen_simd*.cc): when a run enables one,
  // cases start with random V0..V31, FPCR and FPSR (else all zero), and
  // `--set fp` / `--set int` select by this flag.
  bool fp = false;
};

// Every generator, in report order.
const std::vector<Generator>& AllGenerators();

class CaseBuilder {
 public:
  // `enabled` indexes AllGenerators(); `counts` (same size as
  // AllGenerators()) is incremented per emitted snippet.
  CaseBuilder(uint64_t case_seed, const std::vector<size_t>& enabled,
              std::vector<uint64_t>* counts);

  // Fills `out` and the list of generator names in emission order; `tested`
  // (optional) receives the instructions under test, without register setup
  // and literal data, for the decoder-line coverage report.
  void Build(DtCase* out, std::vector<std::string>* snippet_names,
             std::vector<uint32_t>* tested = nullptr);

  // ---- for generators ----
  Rng& rng() { return rng_; }
  void Emit(uint32_t insn);
  // Emits a word that is not under test (setup MOVs, literal pool data).
  void EmitSetup(uint32_t word);
  size_t Here() const { return code_.size(); }  // index of the next instruction
  void Patch(size_t index, uint32_t insn) { code_[index] = insn; }
  uint32_t At(size_t index) const { return code_[index]; }

  // Random register 0..31 (31 is SP or ZR depending on the field).
  int AnyReg() { return static_cast<int>(rng_.Below(32)); }
  // Random register 0..30, not in `avoid`.
  int GpReg(std::initializer_list<int> avoid = {});
  // Random register 0..31 not in `avoid` (31 allowed: ZR in the field).
  int RegOrZr(std::initializer_list<int> avoid = {});
  // An interesting 64-bit value (0, ±1, extremes, small, random).
  uint64_t Value();
  // Emits MOVZ/MOVK instructions setting X`reg` (0..30) to `value`.
  void SetReg(int reg, uint64_t value);
  // A random byte offset into the data region for an access of `size` bytes
  // aligned to `align`, often in a small hot window so accesses overlap.
  uint64_t DataOffset(uint64_t size, uint64_t align);
  // ---- for FP/SIMD generators ----
  // Random vector register: 0..31, or in a quarter of the FP cases 0..3 so
  // destinations often alias sources and results feed the next instruction.
  int VReg() { return static_cast<int>(rng_.Below(vregs_)); }
  // Interesting IEEE values of each format (NaNs quiet and signaling, ±inf,
  // ±0, denormals, extreme normals, values at integer-conversion limits and
  // rounding boundaries, random ones).
  uint16_t F16();
  uint32_t F32();
  uint64_t F64();
  // An interesting integer of `bits` bits (0, ±1, extremes, random).
  uint64_t IntLane(int bits);
  // A random 128-bit register value made of one of the above kinds of lanes.
  void VecValue(uint64_t out[2]);
  // A random FPCR (RMode, FZ, DN, AHP; often 0) and FPSR (often 0).
  uint64_t Fpcr();
  uint64_t Fpsr();

  // Emits `n` filler snippets (ALU instructions) from the enabled fillers,
  // or NOPs when none is enabled.
  void EmitFillers(int n);

 private:
  void EmitSnippet(size_t generator);

  Rng rng_;
  const std::vector<size_t>& enabled_;
  std::vector<size_t> fillers_;
  std::vector<uint64_t>* counts_;
  std::vector<uint32_t> code_;
  std::vector<bool> setup_;  // per code_ word: not under test
  std::vector<std::string>* names_ = nullptr;
  int depth_ = 0;
  int vregs_ = 32;
};

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_CASE_BUILDER_H_
