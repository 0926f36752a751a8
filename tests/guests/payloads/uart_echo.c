/* UART input: the runner feeds "vmd-input\n" to the console; the payload reads it
 * with the non-blocking uart_getc (PL011 FR.RXFE, DR) and echoes it. Afterwards
 * the receive FIFO is empty and uart_getc must say so (-1) instead of blocking. */
#include "sysreg.h"
#include "test.h"

static const char kExpected[] = "vmd-input";

int main(uint64_t dtb) {
  (void)dtb;
  char line[64];
  unsigned len = 0;
  uint64_t freq = read_sysreg(cntfrq_el0);
  uint64_t deadline = read_cntvct() + freq * 10;  // the runner sends it at start
  int c = -1;
  while (read_cntvct() < deadline) {
    c = uart_getc();
    if (c < 0) continue;
    if (c == '\n' || c == '\r') break;
    if (len < sizeof(line) - 1) line[len++] = (char)c;
  }
  line[len] = 0;
  printf("uart_echo: got '%s'\n", line);
  EXPECT_TRUE(c == '\n' || c == '\r');
  EXPECT_EQ(len, sizeof(kExpected) - 1);
  for (unsigned i = 0; i < len && i < sizeof(kExpected) - 1; i++) EXPECT_EQ(line[i], kExpected[i]);
  EXPECT_EQ(uart_getc(), (uint64_t)-1);  // nothing more was sent
  return 0;
}
