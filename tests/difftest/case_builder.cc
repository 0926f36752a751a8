// Assembles a case from generator snippets; see case_builder.h.
#include "tests/difftest/case_builder.h"

#include <algorithm>
#include <cstring>

#include "engine/base/check.h"
#include "tests/difftest/a64.h"

namespace vmd::difftest {

namespace {
// A case holds this many snippets; the rest of the sequence budget is
// headroom for the longest snippet (branches with fillers, register setup).
constexpr int kMaxSnippets = 8;
constexpr size_t kCodeBudget = DT_MAX_CODE - 64;
}  // namespace

CaseBuilder::CaseBuilder(uint64_t case_seed, const std::vector<size_t>& enabled,
                         std::vector<uint64_t>* counts)
    : rng_(case_seed), enabled_(enabled), counts_(counts) {
  const auto& all = AllGenerators();
  for (size_t g : enabled_) {
    if (all[g].filler) fillers_.push_back(g);
  }
}

void CaseBuilder::Emit(uint32_t insn) {
  code_.push_back(insn);
  setup_.push_back(false);
}

void CaseBuilder::EmitSetup(uint32_t word) {
  code_.push_back(word);
  setup_.push_back(true);
}

int CaseBuilder::GpReg(std::initializer_list<int> avoid) {
  for (;;) {
    int r = static_cast<int>(rng_.Below(31));
    if (std::find(avoid.begin(), avoid.end(), r) == avoid.end()) return r;
  }
}

int CaseBuilder::RegOrZr(std::initializer_list<int> avoid) {
  for (;;) {
    int r = static_cast<int>(rng_.Below(32));
    if (std::find(avoid.begin(), avoid.end(), r) == avoid.end()) return r;
  }
}

uint64_t CaseBuilder::Value() {
  switch (rng_.Below(12)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return ~0ull;
    case 3: return 0x7fffffffffffffffull;
    case 4: return 0x8000000000000000ull;
    case 5: return 0xffffffffull;
    case 6: return 0x80000000ull | (rng_.Bit() ? 0xffffffff00000000ull : 0);
    case 7: return 0x7fffffffull;
    case 8: return rng_.Below(256);
    case 9: return rng_.Next() & 0xffffffffull;
    case 10: return ~rng_.Below(256);
    default: return rng_.Next();
  }
}

uint16_t CaseBuilder::F16() {
  static const uint16_t kSpecial[] = {
      0x0000, 0x7c00, 0x7e00, 0x7c01, 0x7dff, 0x7fff, 0x0001, 0x03ff, 0x0200, 0x0400,
      0x7bff, 0x3c00, 0x3800, 0x3e00, 0x4100, 0x3bff, 0x3c01, 0x5640, 0x7800, 0x0401,
  };
  uint16_t sign = rng_.Bit() ? 0x8000 : 0;
  switch (rng_.Below(4)) {
    case 0: return sign | kSpecial[rng_.Below(sizeof(kSpecial) / sizeof(kSpecial[0]))];
    case 1: return sign | static_cast<uint16_t>(0x7c00 | (rng_.Below(0x3ff) + 1));  // any NaN
    case 2: return sign | static_cast<uint16_t>(rng_.Below(0x400));  // denormal
    default: return static_cast<uint16_t>(rng_.Next());
  }
}

uint32_t CaseBuilder::F32() {
  static const uint32_t kSpecial[] = {
      0x00000000, 0x7f800000, 0x7fc00000, 0x7f800001, 0x7fbfffff, 0x7fffffff, 0x00000001,
      0x007fffff, 0x00400000, 0x00800000, 0x00800001, 0x7f7fffff, 0x7f7ffffe, 0x3f800000,
      0x3f000000, 0x3fc00000, 0x40200000, 0x3f7fffff, 0x3f800001, 0x3effffff,
      0x4f000000, 0x4effffff, 0x4f000001, 0x4f800000, 0x4f7fffff, 0x5f000000, 0x5effffff,
      0x5f800000, 0x5f7fffff, 0x477fe000, 0x477ff000, 0x477fefff, 0x38800000, 0x387fc000,
      0x33800000, 0x33000000, 0x33000001, 0x4b000000, 0x4affffff, 0x4b400001, 0x1f800000,
      0x5f000001, 0x2f800000,
  };
  uint32_t sign = rng_.Bit() ? 0x80000000u : 0;
  switch (rng_.Below(8)) {
    case 0:
    case 1:
    case 2: return sign | kSpecial[rng_.Below(sizeof(kSpecial) / sizeof(kSpecial[0]))];
    case 3: return sign | 0x7f800000u | static_cast<uint32_t>(rng_.Below(0x7fffff) + 1);  // NaN
    case 4: return sign | static_cast<uint32_t>(rng_.Below(0x800000));  // denormal
    case 5: {  // moderate magnitudes (-16 .. 2^40), where integer conversions happen
      uint32_t exp = static_cast<uint32_t>(rng_.Range(110, 167));
      uint32_t frac = static_cast<uint32_t>(rng_.Bit() ? rng_.Below(0x800000)
                                                      : (rng_.Below(16) << 19));  // few bits
      return sign | exp << 23 | frac;
    }
    case 6: {  // n + 0.5 (a rounding tie) or an integer
      uint64_t n = rng_.Below(1 << 20);
      float f = static_cast<float>(n) + (rng_.Bit() ? 0.5f : 0.0f);
      uint32_t bits;
      std::memcpy(&bits, &f, 4);
      return sign | bits;
    }
    default: return static_cast<uint32_t>(rng_.Next());
  }
}

uint64_t CaseBuilder::F64() {
  static const uint64_t kSpecial[] = {
      0x0000000000000000, 0x7ff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001,
      0x7ff7ffffffffffff, 0x7fffffffffffffff, 0x0000000000000001, 0x000fffffffffffff,
      0x0008000000000000, 0x0010000000000000, 0x0010000000000001, 0x7fefffffffffffff,
      0x3ff0000000000000, 0x3fe0000000000000, 0x3ff8000000000000, 0x4004000000000000,
      0x3fefffffffffffff, 0x3ff0000000000001, 0x41e0000000000000, 0x41dfffffffc00000,
      0x41dfffffffe00000, 0x41dffffffff00000, 0x41e0000000100000, 0x41efffffffe00000,
      0x41effffffff00000, 0x41f0000000000000, 0x43e0000000000000, 0x43dfffffffffffff,
      0x43f0000000000000, 0x43efffffffffffff, 0x47efffffe0000000, 0x47effffff0000000,
      0x47f0000000000000, 0x3810000000000000, 0x380fffffffffffff, 0x36a0000000000000,
      0x3690000000000000, 0x3690000000000001, 0x40effc0000000000, 0x40effe0000000000,
      0x3f10000000000000, 0x3e70000000000000, 0x4330000000000000, 0x432fffffffffffff,
      0x3ff0000010000000, 0x3ff0000008000000, 0x3ff0000018000000, 0x43e0000000000001,
  };
  uint64_t sign = rng_.Bit() ? 0x8000000000000000ull : 0;
  switch (rng_.Below(8)) {
    case 0:
    case 1:
    case 2: return sign | kSpecial[rng_.Below(sizeof(kSpecial) / sizeof(kSpecial[0]))];
    case 3: return sign | 0x7ff0000000000000ull | (rng_.Below(0xfffffffffffffull) + 1);  // NaN
    case 4: return sign | (rng_.Next() & 0xfffffffffffffull);  // denormal
    case 5: {  // moderate magnitudes (2^-30 .. 2^70)
      uint64_t exp = static_cast<uint64_t>(rng_.Range(993, 1093));
      uint64_t frac = rng_.Bit() ? (rng_.Next() & 0xfffffffffffffull) : (rng_.Below(16) << 48);
      return sign | exp << 52 | frac;
    }
    case 6: {  // n + 0.5 or an integer
      double d = static_cast<double>(rng_.Below(1ull << 40)) + (rng_.Bit() ? 0.5 : 0.0);
      uint64_t bits;
      std::memcpy(&bits, &d, 8);
      return sign | bits;
    }
    default: return rng_.Next();
  }
}

uint64_t CaseBuilder::IntLane(int bits) {
  uint64_t mask = bits == 64 ? ~0ull : (1ull << bits) - 1;
  uint64_t top = 1ull << (bits - 1);
  switch (rng_.Below(10)) {
    case 0: return 0;
    case 1: return 1;
    case 2: return mask;             // -1
    case 3: return top;              // signed minimum
    case 4: return top - 1;          // signed maximum
    case 5: return rng_.Below(bits); // shift amounts
    case 6: return (top + 1) & mask;
    case 7: return (mask - 1) & mask;
    default: return rng_.Next() & mask;
  }
}

void CaseBuilder::VecValue(uint64_t out[2]) {
  out[0] = out[1] = 0;
  auto put = [out](int bit, int width, uint64_t v) {
    out[bit / 64] |= (width == 64 ? v : v & ((1ull << width) - 1)) << (bit % 64);
  };
  switch (rng_.Below(10)) {
    case 0:
    case 1:
    case 2:
      for (int i = 0; i < 4; ++i) put(32 * i, 32, F32());
      break;
    case 3:
    case 4:
    case 5:
      for (int i = 0; i < 2; ++i) put(64 * i, 64, F64());
      break;
    case 6:
      for (int i = 0; i < 8; ++i) put(16 * i, 16, F16());
      break;
    case 7:
    case 8: {
      int bits = 8 << rng_.Below(4);
      for (int i = 0; i < 128 / bits; ++i) put(bits * i, bits, IntLane(bits));
      break;
    }
    default:
      out[0] = rng_.Next();
      out[1] = rng_.Next();
      break;
  }
}

uint64_t CaseBuilder::Fpcr() {
  if (rng_.Chance(1, 3)) return 0;
  uint64_t v = rng_.Below(4) << 22;  // RMode
  if (rng_.Chance(1, 3)) v |= 1ull << 24;  // FZ
  if (rng_.Chance(1, 3)) v |= 1ull << 25;  // DN
  if (rng_.Chance(1, 4)) v |= 1ull << 26;  // AHP
  return v;
}

uint64_t CaseBuilder::Fpsr() {
  if (rng_.Chance(3, 4)) return 0;
  return rng_.Next() & DT_FPSR_MASK;
}

void CaseBuilder::SetReg(int reg, uint64_t value) {
  EmitSetup(a64::MovWide(1, a64::kMovz, 0, value & 0xffff, reg));
  for (int hw = 1; hw < 4; ++hw) {
    uint32_t part = (value >> (16 * hw)) & 0xffff;
    if (part != 0) EmitSetup(a64::MovWide(1, a64::kMovk, hw, part, reg));
  }
}

uint64_t CaseBuilder::DataOffset(uint64_t size, uint64_t align) {
  uint64_t window = rng_.Chance(2, 3) ? 256 : DT_DATA_SIZE;
  uint64_t start = rng_.Chance(2, 3) ? 0x8000 : 0;  // the hot window sits mid-region
  if (start + window > DT_DATA_SIZE) start = DT_DATA_SIZE - window;
  uint64_t off = start + rng_.Below(window - size + 1);
  return off & ~(align - 1);
}

void CaseBuilder::EmitFillers(int n) {
  for (int i = 0; i < n; ++i) {
    if (fillers_.empty()) {
      Emit(a64::kNop);
    } else {
      EmitSnippet(fillers_[rng_.Below(fillers_.size())]);
    }
  }
}

void CaseBuilder::EmitSnippet(size_t generator) {
  const Generator& g = AllGenerators()[generator];
  ++(*counts_)[generator];
  if (names_ != nullptr && depth_ == 0) names_->push_back(g.name);
  ++depth_;
  g.emit(*this);
  --depth_;
}

void CaseBuilder::Build(DtCase* out, std::vector<std::string>* snippet_names,
                        std::vector<uint32_t>* tested) {
  names_ = snippet_names;
  std::memset(out, 0, sizeof(*out));
  out->magic = DT_CASE_MAGIC;
  out->data_seed = rng_.Next();
  for (int i = 0; i < 31; ++i) out->x[i] = Value();
  // SP stays 16-byte aligned: SP-based accesses check its alignment.
  out->sp = Value() & ~0xfull;
  out->nzcv = rng_.Below(16) << 28;
  // FP/SIMD state only when an FP/SIMD generator runs: integer-only runs
  // keep the random stream (and so the cases) they always had.
  bool fp = false;
  for (size_t g : enabled_) fp = fp || AllGenerators()[g].fp;
  if (fp) {
    out->fpcr = Fpcr();
    out->fpsr = Fpsr();
    for (int i = 0; i < 32; ++i) VecValue(out->v[i]);
    vregs_ = rng_.Chance(1, 4) ? 4 : 32;
  }
  int snippets = static_cast<int>(rng_.Range(1, kMaxSnippets));
  for (int i = 0; i < snippets && !enabled_.empty(); ++i) {
    EmitSnippet(enabled_[rng_.Below(enabled_.size())]);
    if (code_.size() > kCodeBudget) break;
  }
  CHECK_MSG(code_.size() <= DT_MAX_CODE, "difftest: a snippet overran the code budget");
  out->ncode = static_cast<uint32_t>(code_.size());
  std::copy(code_.begin(), code_.end(), out->code);
  if (tested != nullptr) {
    for (size_t i = 0; i < code_.size(); ++i) {
      if (!setup_[i]) tested->push_back(code_[i]);
    }
  }
}

}  // namespace vmd::difftest
