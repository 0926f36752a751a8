// Decode(): scans the instruction groups' tables for the first matching line.
#include "engine/hv/soft/decode.h"

#include <vector>

namespace vmd::hvsoft {
namespace {

// The table lines that can match a word, bucketed by its top 12 bits, in
// table order. Built once; decoding then scans a handful of lines instead
// of all of them (decode speed matters: Linux patches code at boot).
constexpr int kBucketShift = 20;
using Buckets = std::vector<std::vector<const DecodeLine*>>;

const Buckets& LineBuckets() {
  static const Buckets* buckets = [] {
    auto* b = new Buckets(1u << (32 - kBucketShift));
    for (uint32_t top = 0; top < b->size(); ++top) {
      const uint32_t bits = top << kBucketShift;
      for (auto table : {DataProcessingTable(), LoadStoreTable(), SystemTable(), FpTable(),
                         SimdLoadStoreTable(), SimdMoveTable(), SimdThreeTable(),
                         SimdMiscTable()}) {
        for (const DecodeLine& line : table) {
          const uint32_t hi = line.mask & ~((1u << kBucketShift) - 1);
          if ((bits & hi) == (line.value & hi)) (*b)[top].push_back(&line);
        }
      }
    }
    return b;
  }();
  return *buckets;
}

const DecodeLine* Find(uint32_t raw) {
  for (const DecodeLine* line : LineBuckets()[raw >> kBucketShift]) {
    if ((raw & line->mask) == line->value) return line;
  }
  return nullptr;
}

}  // namespace

bool ExecUndefined(Cpu& c, const Insn& i) {
  Undefined(c, i);
  return false;
}

bool Decode(uint32_t raw, Insn& out) {
  out = Insn{};
  out.raw = raw;
  const DecodeLine* line = Find(raw);
  if (line != nullptr && (line->extract == nullptr || line->extract(raw, out))) {
    if (out.fn == nullptr) out.fn = line->fn;  // an extractor may pick a specialised handler
    return line->ends_block;
  }
  out = Insn{};
  out.raw = raw;
  out.fn = ExecUndefined;
  return true;
}

const char* DecodeName(uint32_t raw) {
  const DecodeLine* line = Find(raw);
  if (line == nullptr) return "undefined";
  Insn scratch{};
  if (line->extract != nullptr && !line->extract(raw, scratch)) return "undefined";
  return line->name;
}

bool DecodeBitMasks(uint32_t n, uint32_t imms, uint32_t immr, bool immediate, int datasize,
                    uint64_t* wmask, uint64_t* tmask) {
  // len = HighestSetBit(N:NOT(imms)).
  const uint32_t combined = (n << 6) | (~imms & 0x3f);
  if (combined == 0) return false;
  const int len = 31 - __builtin_clz(combined);
  if (len < 1) return false;
  const int esize = 1 << len;
  if (esize > datasize) return false;
  const uint32_t levels = esize - 1;
  if (immediate && (imms & levels) == levels) return false;
  const uint32_t s = imms & levels;
  const uint32_t r = immr & levels;
  const int d = (s - r) & levels;
  auto ones = [](int k) -> uint64_t { return k >= 64 ? ~0ull : (1ull << k) - 1; };
  auto ror = [esize](uint64_t v, int sh) -> uint64_t {
    if (sh == 0) return v;
    const uint64_t m = esize == 64 ? ~0ull : (1ull << esize) - 1;
    return ((v >> sh) | (v << (esize - sh))) & m;
  };
  auto replicate = [esize, datasize](uint64_t v) {
    uint64_t out = 0;
    for (int i = 0; i < datasize; i += esize) out |= v << i;
    return out;
  };
  const uint64_t welem = ones(s + 1);
  const uint64_t telem = ones(d + 1);
  *wmask = replicate(ror(welem, r));
  *tmask = replicate(telem);
  return true;
}

}  // namespace vmd::hvsoft
