/* PL011 console for payloads: polled output with a per-CPU re-entrant lock (an
 * exception handler may print while its CPU already holds it), non-blocking input. */
#include "uart.h"

#include "spinlock.h"
#include "sysreg.h"

static spinlock_t print_lock = SPINLOCK_INIT;
static volatile int print_owner = -1;
static int print_depth;

static inline uint32_t pl011_read(uint32_t reg) { return *(volatile uint32_t*)(PL011_BASE + reg); }

static inline void pl011_write(uint32_t reg, uint32_t val) {
  *(volatile uint32_t*)(PL011_BASE + reg) = val;
}

static void raw_putc(char c) {
  while (pl011_read(PL011_FR) & PL011_FR_TXFF) {
  }
  pl011_write(PL011_DR, (uint8_t)c);
}

static void print_begin(void) {
  int me = (int)cpu_id();
  if (print_owner == me) {
    print_depth++;
    return;
  }
  spin_lock(&print_lock);
  print_owner = me;
  print_depth = 1;
}

static void print_end(void) {
  if (--print_depth == 0) {
    print_owner = -1;
    spin_unlock(&print_lock);
  }
}

static int emit(char c) {
  if (c == '\n') raw_putc('\r');
  raw_putc(c);
  return 1;
}

void uart_putc(char c) {
  print_begin();
  emit(c);
  print_end();
}

void uart_puts(const char* s) {
  print_begin();
  while (*s) emit(*s++);
  print_end();
}

int uart_getc(void) {
  if (pl011_read(PL011_FR) & PL011_FR_RXFE) return -1;
  return (int)(pl011_read(PL011_DR) & 0xff);
}

/* Formats an unsigned number into the end of buf; returns the first digit. */
static char* format_unsigned(char* end, uint64_t v, unsigned base, int upper) {
  const char* digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char* p = end;
  do {
    *--p = digits[v % base];
    v /= base;
  } while (v);
  return p;
}

static int emit_padded(const char* s, int len, int width, char pad, int negative) {
  int n = 0;
  if (negative && pad == '0') n += emit('-');
  for (int i = len + negative; i < width; i++) n += emit(pad);
  if (negative && pad != '0') n += emit('-');
  for (int i = 0; i < len; i++) n += emit(s[i]);
  return n;
}

int vprintf(const char* fmt, va_list ap) {
  char buf[24];
  char* end = buf + sizeof(buf);
  int n = 0;
  print_begin();
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      n += emit(*fmt);
      continue;
    }
    fmt++;
    char pad = ' ';
    int width = 0;
    int longs = 0;
    if (*fmt == '0') {
      pad = '0';
      fmt++;
    }
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    while (*fmt == 'l') {
      longs++;
      fmt++;
    }
    switch (*fmt) {
      case 'd':
      case 'i': {
        int64_t v = longs ? va_arg(ap, int64_t) : va_arg(ap, int);
        uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
        char* s = format_unsigned(end, mag, 10, 0);
        n += emit_padded(s, (int)(end - s), width, pad, v < 0);
        break;
      }
      case 'u':
      case 'x':
      case 'X': {
        uint64_t v = longs ? va_arg(ap, uint64_t) : va_arg(ap, unsigned);
        char* s = format_unsigned(end, v, *fmt == 'u' ? 10 : 16, *fmt == 'X');
        n += emit_padded(s, (int)(end - s), width, pad, 0);
        break;
      }
      case 'p': {
        uint64_t v = (uint64_t)va_arg(ap, void*);
        char* s = format_unsigned(end, v, 16, 0);
        n += emit('0') + emit('x');
        n += emit_padded(s, (int)(end - s), 16, '0', 0);
        break;
      }
      case 'c':
        n += emit((char)va_arg(ap, int));
        break;
      case 's': {
        const char* s = va_arg(ap, const char*);
        if (!s) s = "(null)";
        int len = 0;
        while (s[len]) len++;
        n += emit_padded(s, len, width, ' ', 0);
        break;
      }
      case '%':
        n += emit('%');
        break;
      case '\0':
        fmt--;  // a lone '%' at the end: stop at the terminator
        break;
      default:  // unknown conversion: show it rather than guess
        n += emit('%') + emit(*fmt);
        break;
    }
  }
  print_end();
  return n;
}

int printf(const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vprintf(fmt, ap);
  va_end(ap);
  return n;
}

void print_hex(uint64_t v) { printf("0x%016lx", v); }

void print_dec(int64_t v) { printf("%ld", v); }
