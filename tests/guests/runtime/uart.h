/* Console output and input on the PL011 at 0x0900_0000 (platform.md), for payloads.
 * Each printf/uart_puts call comes out whole even when several CPUs print at once. */
#ifndef VMD_GUESTS_UART_H_
#define VMD_GUESTS_UART_H_

#include <stdarg.h>
#include <stdint.h>

#define PL011_BASE 0x09000000ul
#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_FR_TXFF (1u << 5)
#define PL011_FR_RXFE (1u << 4)

void uart_putc(char c);        /* "\n" goes out as "\r\n" */
void uart_puts(const char* s); /* no newline added */
int uart_getc(void);           /* next received byte, or -1 if none (never blocks) */
void print_hex(uint64_t v);    /* 0x-prefixed, 16 digits */
void print_dec(int64_t v);

/* A tiny printf: %s %d %i %u %x %X %c %p %%, length modifiers l and ll, and a
 * zero-padded or space-padded width (%08x, %4d). Returns the number of characters written. */
int printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char* fmt, va_list ap);

#endif  // VMD_GUESTS_UART_H_
