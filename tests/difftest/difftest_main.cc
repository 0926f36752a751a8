// difftest: the differential tester for hv/soft's A64 ISA (integer and
// FP/SIMD). Generates seeded random instruction sequences (case_builder.h),
// runs each on the hv API and on the reference (qemu-aarch64), and compares
// every general register, SP, NZCV, V0-V31, FPCR, FPSR and the data memory.
// See docs/difftest.md.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "tests/difftest/case_builder.h"
#include "tests/difftest/compare.h"
#include "tests/difftest/coverage.h"
#include "tests/difftest/runners.h"

#ifndef DIFFTEST_DEFAULT_QEMU
#define DIFFTEST_DEFAULT_QEMU "qemu-aarch64"
#endif
#ifndef DIFFTEST_DEFAULT_REF
#define DIFFTEST_DEFAULT_REF "difftest_ref"
#endif

namespace vmd::difftest {
namespace {

struct Options {
  uint64_t seed = 1;
  uint64_t cases = 1000;
  int64_t single_case = -1;
  bool long_run = false;
  std::string generators;
  std::string exclude;
  std::string set = "all";  // int, fp or all: which generators by default
  std::string qemu = DIFFTEST_DEFAULT_QEMU;
  std::string ref = DIFFTEST_DEFAULT_REF;
  uint64_t batch = 2000;
  int max_reports = 5;
  bool ref_only = false;
  bool remap = true;
  bool shrink = true;
  bool list = false;
  bool verbose = false;
  bool coverage = false;
  bool el0 = false;
  bool all_features = false;
  int timeout_ms = 2000;
  std::string code;  // a hand-written case: hex words
  std::string regs;  // its registers: x1=0x10,sp=0x40100000,nzcv=0x6,v3=0x<32 hex>,fpcr=..
};

// A 128-bit register value in hex (up to 32 digits, optional 0x).
bool ParseVec(std::string text, uint64_t out[2]) {
  if (text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0) text = text.substr(2);
  if (text.empty() || text.size() > 32) return false;
  for (char ch : text) {
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return false;
  }
  std::string lo = text.size() > 16 ? text.substr(text.size() - 16) : text;
  std::string hi = text.size() > 16 ? text.substr(0, text.size() - 16) : "0";
  out[0] = std::strtoull(lo.c_str(), nullptr, 16);
  out[1] = std::strtoull(hi.c_str(), nullptr, 16);
  return true;
}

// Builds the hand-written case of --code/--regs (unset registers are 0).
bool ParseCustomCase(const Options& o, DtCase* c) {
  std::memset(c, 0, sizeof(*c));
  c->magic = DT_CASE_MAGIC;
  c->data_seed = o.seed;
  for (absl::string_view w : absl::StrSplit(o.code, ',', absl::SkipEmpty())) {
    if (c->ncode >= DT_MAX_CODE) return false;
    c->code[c->ncode++] = static_cast<uint32_t>(std::strtoul(std::string(w.data(), w.size()).c_str(), nullptr, 16));
  }
  for (absl::string_view kv : absl::StrSplit(o.regs, ',', absl::SkipEmpty())) {
    std::vector<std::string> parts = absl::StrSplit(kv, '=');
    if (parts.size() != 2) return false;
    uint64_t v = std::strtoull(parts[1].c_str(), nullptr, 0);
    if (parts[0] == "sp") {
      c->sp = v;
    } else if (parts[0] == "nzcv") {
      c->nzcv = (v & 0xf) << 28;
    } else if (parts[0] == "fpcr") {
      c->fpcr = v & DT_FPCR_MASK;
    } else if (parts[0] == "fpsr") {
      c->fpsr = v & DT_FPSR_MASK;
    } else if (parts[0].size() > 1 && parts[0][0] == 'v') {
      int r = std::atoi(parts[0].c_str() + 1);
      if (r < 0 || r > 31 || !ParseVec(parts[1], c->v[r])) return false;
    } else if (parts[0].size() > 1 && parts[0][0] == 'x') {
      int r = std::atoi(parts[0].c_str() + 1);
      if (r < 0 || r > 30) return false;
      c->x[r] = v;
    } else {
      return false;
    }
  }
  return c->ncode > 0;
}

// Resolves --generators / --exclude to indices into AllGenerators().
bool SelectGenerators(const Options& o, std::vector<size_t>* enabled) {
  const auto& all = AllGenerators();
  auto find = [&](const std::string& name) -> int {
    for (size_t i = 0; i < all.size(); ++i) {
      if (name == all[i].name) return static_cast<int>(i);
    }
    return -1;
  };
  std::vector<bool> on(all.size(), false);
  for (size_t i = 0; i < all.size() && o.generators.empty(); ++i) {
    on[i] = o.set == "all" || (o.set == "fp") == all[i].fp;
  }
  for (int pass = 0; pass < 2; ++pass) {
    const std::string& spec = pass == 0 ? o.generators : o.exclude;
    bool value = pass == 0;
    for (absl::string_view part : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
      std::string name(part.data(), part.size());
      int g = find(name);
      if (g < 0) {
        std::fprintf(stderr, "difftest: unknown generator '%s' (--list shows them)\n", name.c_str());
        return false;
      }
      on[g] = value;
    }
  }
  for (size_t i = 0; i < all.size(); ++i) {
    if (on[i]) enabled->push_back(i);
  }
  return true;
}

struct Built {
  uint64_t index;
  DtCase c;
  std::vector<std::string> names;
};

int Main(int argc, char** argv) {
  Options o;
  CLI::App app{"difftest: hv/soft vs qemu-aarch64 on random A64 instruction sequences"};
  app.add_option("--seed", o.seed, "run seed (every case derives from seed and its index)");
  app.add_option("--cases", o.cases, "number of cases");
  app.add_option("--case", o.single_case, "run only case K of --seed (reproduce a mismatch)");
  app.add_flag("--long", o.long_run, "a long run: 200000 cases unless --cases is given");
  app.add_option("--generators", o.generators, "comma-separated generators to use (default all)");
  app.add_option("--exclude", o.exclude, "comma-separated generators to leave out");
  app.add_option("--set", o.set, "the generators used without --generators: int, fp or all")
      ->check(CLI::IsMember({"int", "fp", "all"}));
  app.add_option("--qemu", o.qemu, "qemu-aarch64 binary");
  app.add_option("--ref", o.ref, "the aarch64 reference program (difftest_ref)");
  app.add_option("--batch", o.batch, "cases per qemu process");
  app.add_option("--max-reports", o.max_reports, "mismatches printed in full");
  app.add_flag("--ref-only", o.ref_only, "run only the reference (checks the generators)");
  app.add_flag("!--no-remap", o.remap, "write code through the host mapping without remapping");
  app.add_flag("!--no-shrink", o.shrink, "do not minimise a mismatching case");
  app.add_flag("--list", o.list, "list the generators and exit");
  app.add_flag("-v,--verbose", o.verbose, "print every case's code");
  app.add_flag("--all-features", o.all_features,
               "keep generators of features the hv side does not advertise");
  app.add_flag("--el0", o.el0, "run the sequences at EL0t on the hv side (default EL1h)");
  app.add_flag("--coverage", o.coverage, "print the count of every decoder-table line");
  app.add_option("--timeout-ms", o.timeout_ms, "per-case hv run limit");
  app.add_option("--code", o.code, "run one hand-written case: comma-separated hex words");
  app.add_option("--regs", o.regs,
                 "its initial registers: x1=0x10,sp=...,nzcv=0xf,v2=0x<hex>,fpcr=...,fpsr=...");
  CLI11_PARSE(app, argc, argv);
  if (o.long_run && app.count("--cases") == 0) o.cases = 200000;

  const auto& all = AllGenerators();
  if (o.list) {
    for (const Generator& g : all) {
      std::printf("%s%s%s\n", g.name, g.fp ? " (fp)" : "", g.filler ? " (filler)" : "");
    }
    return 0;
  }
  std::vector<size_t> enabled;
  if (!SelectGenerators(o, &enabled)) return 2;
  if (enabled.empty()) {
    std::fprintf(stderr, "difftest: no generator enabled\n");
    return 2;
  }

  char tmpl[] = "/tmp/difftest.XXXXXX";
  if (mkdtemp(tmpl) == nullptr) {
    std::perror("difftest: mkdtemp");
    return 2;
  }
  std::string work_dir = tmpl;

  std::unique_ptr<HvRunner> hv;
  if (!o.ref_only) {
    auto created = HvRunner::Create(o.remap, o.el0, o.timeout_ms);
    if (!created.ok()) {
      std::fprintf(stderr, "%s\n", created.status().ToString().c_str());
      return 2;
    }
    hv = std::move(*created);
    // Optional features the backend does not advertise are not its bugs.
    std::vector<size_t> kept;
    for (size_t g : enabled) {
      const char* f = all[g].feature;
      if (f != nullptr && !o.all_features && !hv->HasFeature(f)) {
        std::printf("skipping %s: the hv side does not advertise %s\n", all[g].name, f);
        continue;
      }
      kept.push_back(g);
    }
    enabled = kept;
    if (enabled.empty()) {
      std::fprintf(stderr, "difftest: no generator left to run\n");
      return 2;
    }
  }
  Comparer cmp(o.qemu, o.ref, work_dir, hv.get());

  std::vector<uint64_t> counts(all.size(), 0);
  std::vector<uint64_t> bad_cases(all.size(), 0);
  std::vector<uint64_t> cases_with(all.size(), 0);
  uint64_t first = o.single_case >= 0 ? static_cast<uint64_t>(o.single_case) : 0;
  uint64_t total = (o.single_case >= 0 || !o.code.empty()) ? 1 : o.cases;
  Tally tally;
  bool any_int = false, any_fp = false;
  for (size_t g : enabled) (all[g].fp ? any_fp : any_int) = true;
  DecoderCoverage coverage(any_int, any_fp);
  std::vector<uint32_t> tested;
  int reported = 0;
  // The flags a reproduction needs besides --seed and --case.
  std::string gen_arg = absl::StrCat(o.generators.empty() ? "" : " --generators " + o.generators,
                                     o.generators.empty() && o.set != "all" ? " --set " + o.set : "",
                                     o.exclude.empty() ? "" : " --exclude " + o.exclude,
                                     o.el0 ? " --el0" : "", o.remap ? "" : " --no-remap",
                                     o.all_features ? " --all-features" : "");

  for (uint64_t done = 0; done < total;) {
    uint64_t n = std::min<uint64_t>(o.batch, total - done);
    std::vector<Built> batch(n);
    std::vector<DtCase> cases(n);
    for (uint64_t i = 0; i < n; ++i) {
      batch[i].index = first + done + i;
      if (!o.code.empty()) {
        if (!ParseCustomCase(o, &batch[i].c)) {
          std::fprintf(stderr, "difftest: bad --code or --regs\n");
          return 2;
        }
        batch[i].names = {"custom"};
      } else {
        CaseBuilder b(CaseSeed(o.seed, batch[i].index), enabled, &counts);
        tested.clear();
        b.Build(&batch[i].c, &batch[i].names, &tested);
        for (uint32_t insn : tested) coverage.Add(insn);
      }
      cases[i] = batch[i].c;
      if (o.verbose) PrintCase(stdout, batch[i].index, batch[i].c, batch[i].names);
    }
    std::vector<Verdict> verdicts;
    absl::Status s = cmp.RunBatch(cases, &verdicts);
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 2;
    }
    for (uint64_t i = 0; i < n; ++i) {
      const Verdict& v = verdicts[i];
      tally.Add(v);
      std::vector<bool> seen(all.size(), false);
      for (const std::string& name : batch[i].names) {
        for (size_t g = 0; g < all.size(); ++g) {
          if (name == all[g].name && !seen[g]) {
            seen[g] = true;
            ++cases_with[g];
            if (!v.match) ++bad_cases[g];
          }
        }
      }
      if (v.match) continue;
      if (reported++ >= o.max_reports) continue;
      std::printf("MISMATCH seed=%llu case=%llu snippets=[%s]\n",
                  static_cast<unsigned long long>(o.seed),
                  static_cast<unsigned long long>(batch[i].index),
                  absl::StrJoin(batch[i].names, ",").c_str());
      std::printf("  reproduce: difftest --seed %llu --case %llu%s\n",
                  static_cast<unsigned long long>(o.seed),
                  static_cast<unsigned long long>(batch[i].index), gen_arg.c_str());
      PrintMismatch(stdout, batch[i].c, v);
      if (o.shrink && hv != nullptr) cmp.Shrink(stdout, batch[i].c, v);
    }
    done += n;
  }

  for (size_t k = 0; k < enabled.size() && o.code.empty(); ++k) {
    size_t g = enabled[k];
    if (k == 0) std::printf("%-24s %10s %10s %10s\n", "generator", "snippets", "cases", "mismatch");
    std::printf("%-24s %10llu %10llu %10llu%s\n", all[g].name,
                static_cast<unsigned long long>(counts[g]),
                static_cast<unsigned long long>(cases_with[g]),
                static_cast<unsigned long long>(bad_cases[g]),
                counts[g] == 0 ? "  UNTESTED" : "");
  }
  if (o.code.empty()) coverage.Print(stdout, o.coverage);
  tally.Print(stdout, o.seed);
  std::string rm = "rm -rf " + work_dir;
  if (std::system(rm.c_str()) != 0) std::fprintf(stderr, "difftest: could not remove %s\n", work_dir.c_str());
  return tally.mismatches == 0 ? 0 : 1;
}

}  // namespace
}  // namespace vmd::difftest

int main(int argc, char** argv) { return vmd::difftest::Main(argc, argv); }
