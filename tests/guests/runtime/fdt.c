/* The flattened device tree format (Devicetree Specification v0.4, chapter 5):
 * big-endian header, a structure block of BEGIN_NODE/PROP/END_NODE tokens and a
 * strings block for property names. Only what fdt.h promises is parsed. */
#include "fdt.h"

#include <stddef.h>

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE 2u
#define FDT_PROP 3u
#define FDT_NOP 4u
#define FDT_END 9u

static uint32_t be32(const void* p) {
  const uint8_t* b = p;
  return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static int str_eq(const char* a, const char* b) {
  while (*a && *a == *b) a++, b++;
  return *a == *b;
}

static int str_starts(const char* s, const char* prefix) {
  while (*prefix && *s == *prefix) s++, prefix++;
  return *prefix == 0;
}

static size_t str_len(const char* s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}

int fdt_valid(const void* dtb) {
  if (!dtb || ((uintptr_t)dtb & 3)) return 0;
  const uint8_t* h = dtb;
  return be32(h) == FDT_MAGIC && be32(h + 20) >= 16 /* version */ && /* last_comp_version: */
         be32(h + 24) <= 17 && be32(h + 4) >= 40;
}

int fdt_cpu_mpidrs(const void* dtb, uint64_t* mpidrs, int max) {
  if (!fdt_valid(dtb)) return -1;
  const uint8_t* h = dtb;
  uint32_t total = be32(h + 4);
  uint32_t off_struct = be32(h + 8);
  uint32_t off_strings = be32(h + 12);
  uint32_t size_struct = be32(h + 36);
  if (off_struct > total || size_struct > total - off_struct || off_strings > total) return -1;
  const uint8_t* p = h + off_struct;
  const uint8_t* end = p + size_struct;
  const char* strings = (const char*)h + off_strings;

  int depth = 0;            // 1 = root, 2 = /cpus, ...
  int in_cpus = 0;          // inside /cpus (at any depth below it)
  int in_cpu = 0;           // at a /cpus/cpu@... node
  uint32_t addr_cells = 2;  // #address-cells of /cpus; the spec's default is 2
  int count = 0;
  while (p + 4 <= end) {
    uint32_t token = be32(p);
    p += 4;
    if (token == FDT_BEGIN_NODE) {
      const char* name = (const char*)p;
      size_t len = str_len(name);
      p += (len + 4) & ~(size_t)3;
      depth++;
      if (depth == 2 && str_eq(name, "cpus")) in_cpus = 1;
      in_cpu = in_cpus && depth == 3 && str_starts(name, "cpu@");
    } else if (token == FDT_END_NODE) {
      if (depth == 2) in_cpus = 0;
      in_cpu = 0;
      depth--;
      if (depth < 0) return -1;
    } else if (token == FDT_PROP) {
      if (p + 8 > end) return -1;
      uint32_t len = be32(p);
      const char* pname = strings + be32(p + 4);
      const uint8_t* val = p + 8;
      if (val + len > end) return -1;
      p = val + ((len + 3) & ~3u);
      if (in_cpus && depth == 2 && str_eq(pname, "#address-cells") && len == 4) {
        addr_cells = be32(val);
      } else if (in_cpu && str_eq(pname, "reg") && len >= 4 * addr_cells && addr_cells >= 1 &&
                 addr_cells <= 2) {
        uint64_t reg = be32(val);
        if (addr_cells == 2) reg = reg << 32 | be32(val + 4);
        if (count < max) mpidrs[count] = reg;
        count++;
      }
    } else if (token == FDT_NOP) {
      continue;
    } else if (token == FDT_END) {
      break;
    } else {
      return -1;
    }
  }
  return count < max ? count : max;
}
