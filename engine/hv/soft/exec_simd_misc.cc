// FP/SIMD instruction group: see decode.h for what this table covers.
#include "engine/hv/soft/decode.h"
#include "engine/hv/soft/simd.h"

namespace vmd::hvsoft {

std::span<const DecodeLine> SimdMiscTable() { return {}; }

}  // namespace vmd::hvsoft
