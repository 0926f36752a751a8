// The differential tester's random source: splitmix64, so a case is a pure
// function of (seed, case index) on every host and compiler. Used by the
// generators and the case builder.
#ifndef VMD_TESTS_DIFFTEST_RNG_H_
#define VMD_TESTS_DIFFTEST_RNG_H_

#include <cstdint>

namespace vmd::difftest {

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); n > 0. The modulo bias is irrelevant at these sizes.
  uint64_t Below(uint64_t n) { return Next() % n; }
  // Uniform in [lo, hi].
  int64_t Range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  bool Chance(unsigned num, unsigned den) { return Below(den) < num; }
  bool Bit() { return Next() & 1; }

 private:
  uint64_t state_;
};

// The seed of case `index` of a run seeded with `seed`: any case can be
// rebuilt alone (--case K) without generating the ones before it.
inline uint64_t CaseSeed(uint64_t seed, uint64_t index) {
  Rng r(seed ^ (index * 0xd1342543de82ef95ull));
  r.Next();
  return r.Next();
}

}  // namespace vmd::difftest

#endif  // VMD_TESTS_DIFFTEST_RNG_H_
