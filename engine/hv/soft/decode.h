// The A64 decoder: a table, one line per instruction (mask, value, handler,
// operand extractor). Each exec_*.cc file contributes the lines of its
// instruction group; Decode() scans them in order. Used by the run loop.
#ifndef VMD_ENGINE_HV_SOFT_DECODE_H_
#define VMD_ENGINE_HV_SOFT_DECODE_H_

#include <cstdint>
#include <span>

#include "engine/hv/soft/cpu.h"

namespace vmd::hvsoft {

// Fills the operand fields of `out` from `raw`; false = unallocated encoding.
// It may also set out.fn to a handler specialised for the operands (one line
// then covers many template instances); otherwise the line's handler is used.
using Extractor = bool (*)(uint32_t raw, Insn& out);

struct DecodeLine {
  uint32_t mask;
  uint32_t value;
  const char* name;
  Handler fn;
  Extractor extract;
  bool ends_block;  // control flow or state change noticed by the run loop
};

// The groups' tables, in exec_dp.cc, exec_ldst.cc and exec_system.cc.
std::span<const DecodeLine> DataProcessingTable();
std::span<const DecodeLine> LoadStoreTable();
std::span<const DecodeLine> SystemTable();
// FP and AdvSIMD (see simd.h and fp.h):
// scalar FP data processing and FP<->integer/fixed conversions (exec_fp.cc);
std::span<const DecodeLine> FpTable();
// SIMD&FP loads and stores of every addressing form (exec_simd_ldst.cc);
std::span<const DecodeLine> SimdLoadStoreTable();
// copy (DUP/INS/UMOV/SMOV), permute, extract, table lookup, modified
// immediate (exec_simd_move.cc);
std::span<const DecodeLine> SimdMoveTable();
// three same, three different and shift by immediate, vector and scalar
// (exec_simd_three.cc, exec_simd_shift_imm.cc);
std::span<const DecodeLine> SimdThreeTable();
// two-register misc, across lanes, scalar pairwise and by element, vector
// and scalar (exec_simd_misc_int.cc, exec_simd_misc_fp.cc,
// exec_simd_across_elem.cc).
std::span<const DecodeLine> SimdMiscTable();

// Decodes one instruction word. Unallocated or unimplemented encodings
// decode to the UNDEFINED handler. Returns whether it ends a block.
bool Decode(uint32_t raw, Insn& out);

// Name of the table line matching raw (for tests and logs), or "undefined".
const char* DecodeName(uint32_t raw);

// ---- bit helpers shared by extractors and handlers ---------------------------
constexpr uint32_t Bits(uint32_t v, int hi, int lo) {
  return (v >> lo) & ((1u << (hi - lo + 1)) - 1);
}
constexpr uint32_t Bit(uint32_t v, int b) { return (v >> b) & 1; }
constexpr int64_t SignExtend(uint64_t v, int bits) {
  return static_cast<int64_t>(v << (64 - bits)) >> (64 - bits);
}
// Register field at bit `lo` as a slot: 31 means XZR.
constexpr uint8_t RegZr(uint32_t raw, int lo) {
  const uint32_t r = Bits(raw, lo + 4, lo);
  return r == 31 ? kZr : static_cast<uint8_t>(r);
}
// Destination register field: 31 means XZR (write discarded).
constexpr uint8_t RegZrDst(uint32_t raw, int lo) {
  const uint32_t r = Bits(raw, lo + 4, lo);
  return r == 31 ? kSink : static_cast<uint8_t>(r);
}
// Register field where 31 means SP.
constexpr uint8_t RegSp(uint32_t raw, int lo) { return static_cast<uint8_t>(Bits(raw, lo + 4, lo)); }

// DecodeBitMasks (ARM ARM): wmask/tmask of logical and bitfield immediates.
bool DecodeBitMasks(uint32_t n, uint32_t imms, uint32_t immr, bool immediate, int datasize,
                    uint64_t* wmask, uint64_t* tmask);

// True when `i` decoded to the no-operation hint handler (NOP, and the hints
// without effect here such as PACIASP/AUTIASP/BTI); the JIT emits nothing.
bool IsNop(const Insn& i);

// The handler every unallocated encoding decodes to.
bool ExecUndefined(Cpu& c, const Insn& i);

}  // namespace vmd::hvsoft

#endif  // VMD_ENGINE_HV_SOFT_DECODE_H_
