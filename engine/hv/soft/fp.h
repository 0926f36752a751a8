// IEEE 754 arithmetic exactly as the ARM ARM pseudocode defines it (FPUnpack,
// FPRound, FPProcessNaNs, FPProcessException, ...): what the scalar FP and
// AdvSIMD handlers compute with. Values are raw bit patterns: uint16_t half,
// uint32_t single, uint64_t double. Every operation takes an Env: FPCR in
// (rounding mode, FZ, DN, AHP), the FPSR cumulative flags it raised out; the
// caller ORs env.flags into c.fpsr. Traps for FP exceptions are not
// implemented (FPCR trap-enable bits read as zero), so no operation traps.
//
// Implemented in fp_core.cc, fp_arith.cc, fp_convert.cc and fp_estimate.cc
// (shared internals in fp_internal.h); unit tests in tests/engine/hv/soft:
// fp_test.cc (QEMU reference vectors), fp_corner_test.cc, fp_convert_test.cc.
#ifndef VMD_ENGINE_HV_SOFT_FP_H_
#define VMD_ENGINE_HV_SOFT_FP_H_

#include <cstdint>

namespace vmd::hvsoft::fp {

// FPCR fields.
inline constexpr uint32_t kFpcrAhp = 1u << 26;
inline constexpr uint32_t kFpcrDn = 1u << 25;
inline constexpr uint32_t kFpcrFz = 1u << 24;
inline constexpr int kFpcrRModeShift = 22;

// FPSR cumulative exception flags (and QC, the saturation flag).
inline constexpr uint32_t kIoc = 1u << 0;  // invalid operation
inline constexpr uint32_t kDzc = 1u << 1;  // divide by zero
inline constexpr uint32_t kOfc = 1u << 2;  // overflow
inline constexpr uint32_t kUfc = 1u << 3;  // underflow
inline constexpr uint32_t kIxc = 1u << 4;  // inexact
inline constexpr uint32_t kIdc = 1u << 7;  // input denormal (flushed by FZ)
inline constexpr uint32_t kQc = 1u << 27;  // saturation (integer SIMD)

// Rounding modes: 0..3 are FPCR.RMode's encodings; the others are what
// FCVTA*/FRINTA (ties away) and FCVTXN (round to odd) ask for.
enum class Round : uint8_t {
  kNearestEven = 0,
  kPlusInf = 1,
  kMinusInf = 2,
  kZero = 3,
  kNearestAway = 4,
  kOdd = 5,
};

struct Env {
  uint32_t fpcr = 0;
  uint32_t flags = 0;  // FPSR bits raised by the operations run with this Env

  Round FpcrRounding() const { return static_cast<Round>((fpcr >> kFpcrRModeShift) & 3); }
};

// ---- classification and sign (no flags) -------------------------------------
// T is uint32_t (single) or uint64_t (double) unless said otherwise; uint16_t
// (half, FEAT_FP16 arithmetic: FPCR.FZ16 flushes it, without IDC) is instantiated too.
template <typename T> bool IsNaN(T x);
template <typename T> bool IsSignalingNaN(T x);
template <typename T> T Neg(T x);  // FPNeg: flips the sign, NaNs included
template <typename T> T Abs(T x);  // FPAbs

// ---- arithmetic (FPCR rounding, FZ, DN; flags into env) ---------------------
template <typename T> T Add(T a, T b, Env& env);
template <typename T> T Sub(T a, T b, Env& env);
template <typename T> T Mul(T a, T b, Env& env);
template <typename T> T MulX(T a, T b, Env& env);  // FMULX: 0 * inf = ±2.0
template <typename T> T Div(T a, T b, Env& env);
template <typename T> T Sqrt(T a, Env& env);
// FPMulAdd: addend + a * b with a single rounding; NaN operand order
// (addend, a, b) and the (inf * 0) + qNaN rule of the pseudocode. FMSUB,
// FNMADD, FNMSUB, FMLS negate operands (Neg) before calling it.
template <typename T> T MulAdd(T addend, T a, T b, Env& env);
template <typename T> T Max(T a, T b, Env& env);     // FMAX
template <typename T> T Min(T a, T b, Env& env);     // FMIN
template <typename T> T MaxNum(T a, T b, Env& env);  // FMAXNM (quiet NaN loses)
template <typename T> T MinNum(T a, T b, Env& env);  // FMINNM

// ---- comparisons -------------------------------------------------------------
// FCMP/FCMPE/FCCMP: the NZCV result in bits 31:28 (unordered = 0011).
// signaling: any NaN raises IOC (FCMPE); else only signaling NaNs do.
template <typename T> uint32_t Compare(T a, T b, bool signaling, Env& env);
// AdvSIMD compares: FCMEQ (quiet), FCMGE/FCMGT (signaling).
template <typename T> bool CompareEq(T a, T b, Env& env);
template <typename T> bool CompareGe(T a, T b, Env& env);
template <typename T> bool CompareGt(T a, T b, Env& env);

// ---- rounding and conversions -----------------------------------------------
// FRINT*: round to an integral value in the same format. exact: raise IXC
// when the value changes (FRINTX); FRINTI/FRINTX pass env.FpcrRounding().
template <typename T> T RoundInt(T a, Round rounding, bool exact, Env& env);
// FPToFixed: a * 2^fbits rounded to an integer of int_bits (32 or 64),
// signed or unsigned, saturating with IOC on overflow or NaN (NaN -> 0).
// The result is sign- or zero-extended to 64 bits.
template <typename T>
uint64_t ToFixed(T a, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env);
// FixedToFP: the integer v (of int_bits 32 or 64, signed or unsigned) / 2^fbits.
template <typename T>
T FromFixed(uint64_t v, int fbits, bool is_unsigned, int int_bits, Round rounding, Env& env);
// FPConvert between half (16), single (32) and double (64); half honours
// FPCR.AHP (alternative half precision). FCVT passes env.FpcrRounding(),
// FCVTXN Round::kOdd. The value is in the low bits of the uint64_t.
uint64_t Convert(uint64_t a, int from_bits, int to_bits, Round rounding, Env& env);

// ---- estimates and Newton-Raphson steps --------------------------------------
template <typename T> T RecipEstimate(T a, Env& env);       // FRECPE
template <typename T> T RSqrtEstimate(T a, Env& env);       // FRSQRTE
template <typename T> T RecipStepFused(T a, T b, Env& env);  // FRECPS: 2 - a*b
template <typename T> T RSqrtStepFused(T a, T b, Env& env);  // FRSQRTS: (3 - a*b) / 2
template <typename T> T Recpx(T a, Env& env);                // FRECPX
uint32_t UnsignedRecipEstimate(uint32_t a);                  // URECPE
uint32_t UnsignedRSqrtEstimate(uint32_t a);                  // URSQRTE

}  // namespace vmd::hvsoft::fp

#endif  // VMD_ENGINE_HV_SOFT_FP_H_
