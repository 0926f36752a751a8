// Verdicts, reports and shrinking; see compare.h.
#include "tests/difftest/compare.h"

#include <map>

#include "absl/strings/str_format.h"
#include "tests/difftest/a64.h"

namespace vmd::difftest {

namespace {

std::string RegName(int i) { return i == 31 ? "sp" : absl::StrFormat("x%d", i); }

std::string RefStatus(const DtResult& r) {
  return r.status == DT_STATUS_OK ? "ok"
                                  : absl::StrFormat("signal %u at %#x", r.status, r.fault_pc);
}

// The FPSR bits compared (DT_FPSR_MASK) by name, e.g. "IOC|IXC".
std::string FpsrBits(uint64_t v) {
  static const struct {
    int bit;
    const char* name;
  } kBits[] = {{27, "QC"}, {7, "IDC"}, {4, "IXC"}, {3, "UFC"}, {2, "OFC"}, {1, "DZC"}, {0, "IOC"}};
  std::string out;
  for (const auto& b : kBits) {
    if ((v >> b.bit) & 1) out += (out.empty() ? "" : "|") + std::string(b.name);
  }
  return out.empty() ? "-" : out;
}

// FPCR's compared fields: "RMode=1 FZ DN AHP".
std::string FpcrFields(uint64_t v) {
  std::string out = absl::StrFormat("RMode=%d", static_cast<int>((v >> 22) & 3));
  if ((v >> 24) & 1) out += " FZ";
  if ((v >> 25) & 1) out += " DN";
  if ((v >> 26) & 1) out += " AHP";
  return out;
}

// A vector register as four 32-bit lanes, lane 3 first.
std::string VecHex(const uint64_t v[2]) {
  return absl::StrFormat("%08x_%08x_%08x_%08x", v[1] >> 32, v[1] & 0xffffffff, v[0] >> 32,
                         v[0] & 0xffffffff);
}

}  // namespace

std::string DescribeFpcr(uint64_t fpcr) { return FpcrFields(fpcr); }
std::string DescribeFpsr(uint64_t fpsr) { return FpsrBits(fpsr); }

// Whether the reference's signal and the hv side's exception are the same
// architectural event: SIGILL is an Unknown-reason exception (EC 0), SIGSEGV
// and SIGBUS an abort or alignment fault (or a stage-2 abort exiting to the
// host), SIGTRAP a BRK.
bool SameFault(const DtResult& ref, const DtResult& hv) {
  uint64_t ec = hv.syndrome >> 26;
  switch (ref.status) {
    case 4:  // SIGILL
      return hv.status == kHvGuestException && ec == 0x00;
    case 7:   // SIGBUS
    case 11:  // SIGSEGV
      return hv.status == kHvUnexpectedExit ||
             (hv.status == kHvGuestException &&
              (ec == 0x20 || ec == 0x21 || ec == 0x22 || ec == 0x24 || ec == 0x25 ||
               ec == 0x26));
    case 5:  // SIGTRAP
      return hv.status == kHvGuestException && ec == 0x3c;
    default:
      return false;
  }
}

Verdict Judge(const DtCase& c, const DtResult& ref, const DtResult* hv, const std::string& detail) {
  Verdict v;
  v.ref = ref;
  v.hv_detail = detail;
  if (hv == nullptr) {  // reference only: only undefined encodings and BRK may fault
    v.match = ref.status == DT_STATUS_OK || ref.status == 4 || ref.status == 5;
    if (!v.match) v.diffs.push_back("reference: " + RefStatus(ref));
    return v;
  }
  v.hv = *hv;
  bool ref_ok = ref.status == DT_STATUS_OK, hv_ok = hv->status == DT_STATUS_OK;
  if (!ref_ok || !hv_ok) {
    // Both faulted: the same fault at the same instruction, then the state
    // there is compared like a normal end.
    v.both_faulted = !ref_ok && !hv_ok && SameFault(ref, *hv) && ref.fault_pc == hv->fault_pc;
    if (!v.both_faulted) {
      v.diffs.push_back(absl::StrFormat("outcome: reference %s, hv %s", RefStatus(ref),
                                        hv_ok ? "ok" : detail));
      return v;
    }
  }
  for (int i = 0; i < 32; ++i) {
    uint64_t e = i == 31 ? ref.sp : ref.x[i], g = i == 31 ? hv->sp : hv->x[i];
    uint64_t init = i == 31 ? c.sp : c.x[i];
    if (e != g) {
      v.diffs.push_back(absl::StrFormat("%-4s expected %#018x got %#018x (initial %#x)",
                                        RegName(i), e, g, init));
    }
  }
  if (ref.nzcv != hv->nzcv) {
    v.diffs.push_back(absl::StrFormat("nzcv expected %x got %x (initial %x)", ref.nzcv >> 28,
                                      hv->nzcv >> 28, c.nzcv >> 28));
  }
  for (int i = 0; i < 32; ++i) {
    if (ref.v[i][0] == hv->v[i][0] && ref.v[i][1] == hv->v[i][1]) continue;
    std::string lanes;
    for (int lane = 3; lane >= 0; --lane) {
      uint64_t e = (ref.v[i][lane / 2] >> (32 * (lane % 2))) & 0xffffffff;
      uint64_t g = (hv->v[i][lane / 2] >> (32 * (lane % 2))) & 0xffffffff;
      if (e != g) lanes += absl::StrFormat("%s%d", lanes.empty() ? "" : ",", lane);
    }
    v.diffs.push_back(absl::StrFormat("v%-3d expected %s got %s (S lanes %s differ; initial %s)",
                                      i, VecHex(ref.v[i]), VecHex(hv->v[i]), lanes,
                                      VecHex(c.v[i])));
  }
  if ((ref.fpcr & DT_FPCR_MASK) != (hv->fpcr & DT_FPCR_MASK)) {
    v.diffs.push_back(absl::StrFormat("fpcr expected %#x (%s) got %#x (%s) (initial %#x)",
                                      ref.fpcr & DT_FPCR_MASK, FpcrFields(ref.fpcr),
                                      hv->fpcr & DT_FPCR_MASK, FpcrFields(hv->fpcr), c.fpcr));
  }
  if ((ref.fpsr & DT_FPSR_MASK) != (hv->fpsr & DT_FPSR_MASK)) {
    uint64_t e = ref.fpsr & DT_FPSR_MASK, g = hv->fpsr & DT_FPSR_MASK;
    v.diffs.push_back(absl::StrFormat(
        "fpsr expected %#x (%s) got %#x (%s): missing %s, extra %s (initial %s)", e, FpsrBits(e),
        g, FpsrBits(g), FpsrBits(e & ~g), FpsrBits(g & ~e), FpsrBits(c.fpsr)));
  }
  std::map<uint64_t, std::pair<uint64_t, uint64_t>> words;  // offset -> (ref, hv)
  for (uint32_t i = 0; i < ref.nchanged; ++i) {
    uint64_t off = ref.changed[i].offset;
    words[off] = {ref.changed[i].value, DtDataWord(c.data_seed, off / 8)};
  }
  for (uint32_t i = 0; i < hv->nchanged; ++i) {
    uint64_t off = hv->changed[i].offset;
    auto it = words.find(off);
    if (it == words.end()) {
      words[off] = {DtDataWord(c.data_seed, off / 8), hv->changed[i].value};
    } else {
      it->second.second = hv->changed[i].value;
    }
  }
  for (const auto& [off, vals] : words) {
    if (vals.first != vals.second) {
      v.diffs.push_back(absl::StrFormat("mem  %#x expected %#018x got %#018x (initial %#x)",
                                        DT_DATA_IPA + off, vals.first, vals.second,
                                        DtDataWord(c.data_seed, off / 8)));
    }
  }
  if (ref.overflow != hv->overflow) v.diffs.push_back("mem  changed-word lists overflowed differently");
  v.match = v.diffs.empty();
  return v;
}

void Tally::Add(const Verdict& v) {
  ++cases;
  if (!v.match) ++mismatches;
  if (v.both_faulted) ++both_faulted;
}

void Tally::Print(FILE* out, uint64_t seed) const {
  std::fprintf(out, "difftest: seed %llu: %llu cases, %llu mismatches, %llu faulted on both sides\n",
               static_cast<unsigned long long>(seed), static_cast<unsigned long long>(cases),
               static_cast<unsigned long long>(mismatches),
               static_cast<unsigned long long>(both_faulted));
}

void PrintCode(FILE* out, const DtCase& c) {
  for (uint32_t i = 0; i < c.ncode; ++i) {
    std::fprintf(out, "%s%08x", i % 8 == 0 ? (i == 0 ? "  code:" : "\n       ") : " ", c.code[i]);
  }
  std::fprintf(out, "\n");
}

void PrintCase(FILE* out, uint64_t index, const DtCase& c, const std::vector<std::string>& names) {
  std::fprintf(out, "case %llu:", static_cast<unsigned long long>(index));
  for (const std::string& n : names) std::fprintf(out, " %s", n.c_str());
  std::fprintf(out, "\n");
  PrintCode(out, c);
}

void PrintMismatch(FILE* out, const DtCase& c, const Verdict& v) {
  PrintCode(out, c);
  std::fprintf(out, "  initial: nzcv %llx sp %#llx data seed %#llx\n",
               static_cast<unsigned long long>(c.nzcv >> 28), static_cast<unsigned long long>(c.sp),
               static_cast<unsigned long long>(c.data_seed));
  for (int i = 0; i < 31; i += 4) {
    std::fprintf(out, "   ");
    for (int j = i; j < i + 4 && j < 31; ++j) {
      std::fprintf(out, " x%-2d=%#018llx", j, static_cast<unsigned long long>(c.x[j]));
    }
    std::fprintf(out, "\n");
  }
  bool fp = c.fpcr != 0 || c.fpsr != 0;
  for (int i = 0; i < 32; ++i) fp = fp || c.v[i][0] != 0 || c.v[i][1] != 0;
  if (fp) {
    std::fprintf(out, "    fpcr %#llx (%s) fpsr %#llx (%s)\n",
                 static_cast<unsigned long long>(c.fpcr), FpcrFields(c.fpcr).c_str(),
                 static_cast<unsigned long long>(c.fpsr), FpsrBits(c.fpsr).c_str());
    for (int i = 0; i < 32; i += 2) {
      std::fprintf(out, "    v%-2d=%s v%-2d=%s\n", i, VecHex(c.v[i]).c_str(), i + 1,
                   VecHex(c.v[i + 1]).c_str());
    }
  }
  for (const std::string& d : v.diffs) std::fprintf(out, "  %s\n", d.c_str());
}

absl::Status Comparer::RunBatch(const std::vector<DtCase>& cases, std::vector<Verdict>* verdicts) {
  absl::Status s = ref_.Start(cases);
  if (!s.ok()) return s;
  std::vector<DtResult> hv(hv_ != nullptr ? cases.size() : 0);
  std::vector<std::string> details(hv.size());
  for (size_t i = 0; i < hv.size(); ++i) hv_->Run(cases[i], &hv[i], &details[i]);
  auto ref = ref_.Wait();
  if (!ref.ok()) return ref.status();
  verdicts->clear();
  for (size_t i = 0; i < cases.size(); ++i) {
    verdicts->push_back(Judge(cases[i], (*ref)[i], hv_ != nullptr ? &hv[i] : nullptr,
                              hv_ != nullptr ? details[i] : std::string()));
  }
  return absl::OkStatus();
}

void Comparer::Shrink(FILE* out, const DtCase& original, const Verdict& first) {
  auto same_failure = [&first](const Verdict& v) {
    return !v.match && v.ref.status == first.ref.status && v.hv.status == first.hv.status;
  };
  DtCase best = original;
  Verdict best_verdict;
  bool shrunk = false;
  for (int pass = 0; pass < 16; ++pass) {
    std::vector<DtCase> variants;
    std::vector<uint32_t> positions;
    for (uint32_t i = 0; i < best.ncode; ++i) {
      if (best.code[i] == a64::kNop) continue;
      variants.push_back(best);
      variants.back().code[i] = a64::kNop;
      positions.push_back(i);
    }
    if (variants.empty()) break;
    std::vector<Verdict> verdicts;
    if (!RunBatch(variants, &verdicts).ok()) return;
    std::vector<uint32_t> removable;
    for (size_t k = 0; k < verdicts.size(); ++k) {
      if (same_failure(verdicts[k])) removable.push_back(positions[k]);
    }
    if (removable.empty()) break;
    // Try dropping all of them at once; if that loses the mismatch, drop one.
    DtCase all = best;
    for (uint32_t p : removable) all.code[p] = a64::kNop;
    std::vector<Verdict> v_all;
    if (RunBatch({all}, &v_all).ok() && same_failure(v_all[0])) {
      best = all;
      best_verdict = v_all[0];
    } else {
      best.code[removable[0]] = a64::kNop;
      best_verdict = verdicts[0];
      for (size_t k = 0; k < positions.size(); ++k) {
        if (positions[k] == removable[0]) best_verdict = verdicts[k];
      }
    }
    shrunk = true;
  }
  if (!shrunk) return;
  std::fprintf(out, "  shrunk (other instructions replaced by NOP %08x):\n", a64::kNop);
  for (uint32_t i = 0; i < best.ncode; ++i) {
    if (best.code[i] != a64::kNop) {
      std::fprintf(out, "    [%3u] %#llx: %08x\n", i,
                   static_cast<unsigned long long>(DT_CODE_IPA + 4ull * i), best.code[i]);
    }
  }
  for (const std::string& d : best_verdict.diffs) std::fprintf(out, "    %s\n", d.c_str());
}

}  // namespace vmd::difftest
