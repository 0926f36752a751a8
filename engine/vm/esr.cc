#include "engine/vm/esr.h"

namespace vmd {

DataAbort DecodeDataAbort(uint64_t esr) {
  const uint32_t iss = EsrIss(esr);
  DataAbort a;
  a.isv = (iss >> 24) & 1;
  a.size = 1u << ((iss >> 22) & 3);
  a.sign_extend = (iss >> 21) & 1;
  a.reg = (iss >> 16) & 0x1f;
  a.sixty_four = (iss >> 15) & 1;
  a.write = (iss >> 6) & 1;
  return a;
}

SysRegAccess DecodeSysReg(uint64_t esr) {
  const uint32_t iss = EsrIss(esr);
  const unsigned op0 = (iss >> 20) & 3;
  const unsigned op2 = (iss >> 17) & 7;
  const unsigned op1 = (iss >> 14) & 7;
  const unsigned crn = (iss >> 10) & 0xf;
  const unsigned crm = (iss >> 1) & 0xf;
  SysRegAccess s;
  s.encoding = SysRegEncoding(op0, op1, crn, crm, op2);
  s.reg = (iss >> 5) & 0x1f;
  s.read = iss & 1;
  return s;
}

uint64_t ExtendLoad(const DataAbort& abort, uint64_t value) {
  const unsigned bits = abort.size * 8;
  if (bits < 64) value &= (1ull << bits) - 1;
  if (abort.sign_extend && bits < 64 && (value >> (bits - 1)) & 1) {
    value |= ~0ull << bits;
  }
  if (!abort.sixty_four) value &= 0xffffffffull;
  return value;
}

uint64_t SyncExternalAbortEsr(bool from_el0, bool write) {
  const uint64_t ec = from_el0 ? 0x24 : 0x25;
  const uint64_t dfsc = 0x10;  // synchronous external abort, not on a table walk
  return ec << 26 | 1ull << 25 /* IL */ | (write ? 1ull << 6 : 0) | dfsc;
}

}  // namespace vmd
