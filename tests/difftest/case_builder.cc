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
