/* vmd-init: the /init of vmd's test and demo initramfs images.
 *
 * Built with aarch64-linux-gnu-gcc -static -nostdlib -mgeneral-regs-only, so it
 * runs before the guest has floating point (no libc, raw syscalls). It mounts
 * /dev, /proc and /sys, loads the kernel modules listed in /etc/vmd-modules,
 * prints the boot marker, and then either powers off at once (no /bin/sh in the
 * image: the boot-time tests) or runs a shell on the console and powers off
 * cleanly when the power button (KEY_POWER via gpio-keys) is pressed or the
 * shell exits (the demo VM). With `vmdinit=wait` on the kernel command line
 * (the kernel hands it to init as an environment entry) and no shell, it waits
 * for the power button instead of powering off at once.
 *
 * Test modes (tests/linux/virtio-test.py, bench/virtio-blk): `vmdinit=` takes a
 * comma-separated list run in this order after the modules are loaded —
 *   hvc        console on /dev/hvc0 (virtio-console) from here on, kernel
 *              console messages quiet (loglevel 1) so they cannot split lines
 *   serial     print /sys/block/vda/serial
 *   rng        read /dev/hwrng twice and print the bytes (and the rng in use)
 *   ro         try to write /dev/vdb (a read-only disk) and print the outcome
 *   blkwrite   write vmdmb= MiB of the pattern of vmdseed= to /dev/vda, fsync,
 *              BLKFLSBUF
 *   blkverify  read it back and compare
 *   blkbench   sequential O_DIRECT write then read of vmdmb= MiB of /dev/vda,
 *              timed, printed as MB/s
 *   touch      touch vmdmb= MiB of anonymous memory, then free it (the
 *              balloon test measures the host RSS before and after inflation)
 *   net        eth0 up as 10.0.2.15/24 (slirp's guest address, set statically),
 *              a TCP exchange with the host at 10.0.2.2:vmdnetport=, then one
 *              connection served on vmdnetlisten= (reached through a forward)
 *   wait       wait for the power button instead of powering off
 * Each mode prints "vmd-init: <mode> ..." lines the host checks. */
#include <stddef.h>
#include <stdint.h>

#define SYS_dup3 24
#define SYS_ioctl 29
#define SYS_mkdirat 34
#define SYS_mount 40
#define SYS_openat 56
#define SYS_close 57
#define SYS_getdents64 61
#define SYS_lseek 62
#define SYS_read 63
#define SYS_write 64
#define SYS_pread64 67
#define SYS_pwrite64 68
#define SYS_ppoll 73
#define SYS_signalfd4 74
#define SYS_sync 81
#define SYS_fsync 82
#define SYS_nanosleep 101
#define SYS_clock_gettime 113
#define SYS_socket 198
#define SYS_bind 200
#define SYS_listen 201
#define SYS_accept 202
#define SYS_connect 203
#define SYS_setsockopt 208
#define SYS_munmap 215
#define SYS_mmap 222
#define SYS_exit 93
#define SYS_kill 129
#define SYS_rt_sigprocmask 135
#define SYS_reboot 142
#define SYS_setsid 157
#define SYS_clone 220
#define SYS_execve 221
#define SYS_wait4 260
#define SYS_finit_module 273

#define AT_FDCWD -100
#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_DIRECT 0200000 /* arm64's value */
#define O_NONBLOCK 04000
#define O_DIRECTORY 040000
#define O_CLOEXEC 02000000
#define SIGCHLD 17
#define SIGTERM 15
#define SIGKILL 9
#define WNOHANG 1
#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define POLLIN 1
#define TIOCSCTTY 0x540E
#define EV_KEY 1
#define KEY_POWER 116

#define MARKER "VMD-BOOT-OK"
#define BLKFLSBUF 0x1261
#define CLOCK_MONOTONIC 1

static long sys6(long n, long a, long b, long c, long d, long e, long f) {
  register long x8 __asm__("x8") = n;
  register long x0 __asm__("x0") = a;
  register long x1 __asm__("x1") = b;
  register long x2 __asm__("x2") = c;
  register long x3 __asm__("x3") = d;
  register long x4 __asm__("x4") = e;
  register long x5 __asm__("x5") = f;
  __asm__ volatile("svc #0"
                   : "+r"(x0)
                   : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                   : "memory");
  return x0;
}
#define sys(n, a, b, c) sys6(n, (long)(a), (long)(b), (long)(c), 0, 0, 0)

/* The compiler may emit calls to these even without a libc. */
void* memset(void* d, int c, size_t n) {
  unsigned char* p = d;
  while (n--) *p++ = (unsigned char)c;
  return d;
}
void* memcpy(void* d, const void* s, size_t n) {
  unsigned char* p = d;
  const unsigned char* q = s;
  while (n--) *p++ = *q++;
  return d;
}

static size_t slen(const char* s) {
  size_t n = 0;
  while (s[n]) n++;
  return n;
}
static void say(const char* s) { sys(SYS_write, 1, s, slen(s)); }
static void say_fd_line(int fd, const char* s) { sys(SYS_write, fd, s, slen(s)); }

static void say_num(uint64_t v) {
  char buf[24];
  int i = sizeof(buf) - 1;
  buf[i] = 0;
  do {
    buf[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v && i > 0);
  say(buf + i);
}

static void say_hex_bytes(const unsigned char* p, size_t n) {
  static const char digits[] = "0123456789abcdef";
  char buf[3] = {0, 0, 0};
  for (size_t i = 0; i < n; i++) {
    buf[0] = digits[p[i] >> 4];
    buf[1] = digits[p[i] & 15];
    say(buf);
  }
}

static int open_path(const char* path, int flags) { return (int)sys6(SYS_openat, AT_FDCWD, (long)path, flags, 0, 0, 0); }

static void mount_fs(const char* src, const char* dir, const char* type) {
  sys(SYS_mkdirat, AT_FDCWD, dir, 0755);
  sys6(SYS_mount, (long)src, (long)dir, (long)type, 0, 0, 0);
}

static void setup_console(void) {
  int fd = open_path("/dev/console", O_RDWR);
  if (fd < 0) return;
  for (int i = 0; i < 3; i++) {
    if (fd != i) sys(SYS_dup3, fd, i, 0);
  }
  if (fd > 2) sys(SYS_close, fd, 0, 0);
}

/* Loads each module named in /etc/vmd-modules (one absolute path per line). */
static void load_modules(void) {
  static char list[4096];
  int fd = open_path("/etc/vmd-modules", O_RDONLY);
  if (fd < 0) return;
  long n = sys(SYS_read, fd, list, sizeof(list) - 1);
  sys(SYS_close, fd, 0, 0);
  if (n <= 0) return;
  list[n] = 0;
  char* line = list;
  while (*line) {
    char* end = line;
    while (*end && *end != '\n') end++;
    char saved = *end;
    *end = 0;
    if (*line) {
      int mfd = open_path(line, O_RDONLY | O_CLOEXEC);
      long r = mfd < 0 ? mfd : sys(SYS_finit_module, mfd, "", 0);
      if (mfd >= 0) sys(SYS_close, mfd, 0, 0);
      if (r < 0 && r != -17 /* EEXIST */) {
        say("vmd-init: could not load ");
        say(line);
        say("\n");
      }
    }
    if (!saved) break;
    line = end + 1;
  }
}

static void power_off(void) {
  say("vmd-init: powering off\n");
  sys(SYS_kill, -1, SIGTERM, 0);
  sys(SYS_sync, 0, 0, 0);
  sys(SYS_kill, -1, SIGKILL, 0);
  sys(SYS_sync, 0, 0, 0);
  sys6(SYS_reboot, 0xfee1dead, 672274793, 0x4321fedc, 0, 0, 0);
  sys(SYS_exit, 0, 0, 0);
}

struct pollfd {
  int fd;
  short events, revents;
};
struct input_event {
  long sec, usec;
  uint16_t type, code;
  int32_t value;
};

/* Opens every /dev/input/event* device; returns how many. */
static int open_input(struct pollfd* fds, int max) {
  static char buf[2048];
  int n = 0;
  int dir = open_path("/dev/input", O_RDONLY | O_DIRECTORY);
  if (dir < 0) return 0;
  long got;
  while ((got = sys(SYS_getdents64, dir, buf, sizeof(buf))) > 0) {
    for (long off = 0; off < got;) {
      uint16_t reclen = *(uint16_t*)(buf + off + 16);
      const char* name = buf + off + 19;
      if (name[0] == 'e' && name[1] == 'v' && n < max) {
        char path[64] = "/dev/input/";
        size_t p = slen(path);
        for (size_t i = 0; name[i] && p < sizeof(path) - 1; i++) path[p++] = name[i];
        path[p] = 0;
        int fd = open_path(path, O_RDONLY | O_NONBLOCK);
        if (fd >= 0) fds[n++] = (struct pollfd){fd, POLLIN, 0};
      }
      off += reclen;
    }
  }
  sys(SYS_close, dir, 0, 0);
  return n;
}

static long spawn_shell(void) {
  long pid = sys6(SYS_clone, SIGCHLD, 0, 0, 0, 0, 0);
  if (pid == 0) {
    /* A blocked mask survives execve: the shell gets SIGCHLD back. */
    unsigned long chld = 1ul << (SIGCHLD - 1);
    sys6(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&chld, 0, 8, 0, 0);
    sys(SYS_setsid, 0, 0, 0);
    sys(SYS_ioctl, 0, TIOCSCTTY, 0);
    static char* const argv[] = {"sh", 0};
    static char* const envp[] = {"PATH=/bin:/sbin:/usr/bin:/usr/sbin", "HOME=/", "TERM=vt100", 0};
    sys(SYS_execve, "/bin/sh", argv, envp);
    say("vmd-init: exec /bin/sh failed\n");
    sys(SYS_exit, 127, 0, 0);
  }
  return pid;
}

/* SIGCHLD as a file descriptor (signalfd), so the wait below sleeps until
 * an input event or a child's exit instead of waking on a timer: an idle VM's
 * guest then only wakes for the kernel's own work. -1 if the kernel lacks it
 * (the loop then polls every 200 ms). */
static int child_exit_fd(void) {
  unsigned long chld = 1ul << (SIGCHLD - 1);
  if (sys6(SYS_rt_sigprocmask, SIG_BLOCK, (long)&chld, 0, 8, 0, 0) != 0) return -1;
  long fd = sys6(SYS_signalfd4, -1, (long)&chld, 8, O_NONBLOCK | O_CLOEXEC, 0, 0);
  if (fd < 0) sys6(SYS_rt_sigprocmask, SIG_UNBLOCK, (long)&chld, 0, 8, 0, 0);
  return (int)fd;
}

static void run_until_power_button(int with_shell) {
  struct pollfd fds[9];
  int nfds = open_input(fds, 8);
  say(nfds > 0 ? "vmd-init: power button armed\n" : "vmd-init: no input device, power button inactive\n");
  int chld_fd = child_exit_fd();
  long shell = with_shell ? spawn_shell() : -2;
  int nall = nfds;
  if (chld_fd >= 0) fds[nall++] = (struct pollfd){chld_fd, POLLIN, 0};
  for (;;) {
    struct { long sec, nsec; } tick = {0, 200 * 1000 * 1000};
    long r = sys6(SYS_ppoll, nall > 0 ? (long)fds : 0, nall, chld_fd >= 0 ? 0 : (long)&tick, 0, 8, 0);
    for (int i = 0; r > 0 && i < nfds; i++) {
      struct input_event ev;
      while (sys(SYS_read, fds[i].fd, &ev, sizeof(ev)) == (long)sizeof(ev)) {
        if (ev.type == EV_KEY && ev.code == KEY_POWER && ev.value == 1) {
          say("\nvmd-init: power button pressed\n");
          power_off();
        }
      }
    }
    if (chld_fd >= 0) {
      char info[128]; /* struct signalfd_siginfo: drained, the reaping below does the rest */
      while (sys(SYS_read, chld_fd, info, sizeof(info)) == (long)sizeof(info)) {
      }
    }
    /* Every child that ended: the shell, and orphans init inherited. */
    for (;;) {
      int status = 0;
      long done = sys6(SYS_wait4, -1, (long)&status, WNOHANG, 0, 0, 0);
      if (done <= 0) break;
      if (done == shell) {
        say("vmd-init: shell exited\n");
        power_off();
      }
    }
  }
}

/* The value of `key=` in the environment (the kernel passes unknown
 * key=value parameters there), or 0. */
static const char* env_value(char** envp, const char* key) {
  for (; envp && *envp; envp++) {
    const char* a = *envp;
    const char* b = key;
    while (*b && *a == *b) a++, b++;
    if (*b == 0 && *a == '=') return a + 1;
  }
  return 0;
}

static uint64_t parse_num(const char* s, uint64_t fallback) {
  if (!s || *s < '0' || *s > '9') return fallback;
  uint64_t v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (uint64_t)(*s++ - '0');
  return v;
}

/* True when `list` (comma-separated) contains `word`. */
static int has_word(const char* list, const char* word) {
  while (list && *list) {
    const char* w = word;
    const char* l = list;
    while (*w && *l == *w) l++, w++;
    if (*w == 0 && (*l == ',' || *l == 0)) return 1;
    while (*list && *list != ',') list++;
    if (*list == ',') list++;
  }
  return 0;
}

static void sleep_ms(long ms) {
  struct { long sec, nsec; } t = {ms / 1000, (ms % 1000) * 1000000};
  sys(SYS_nanosleep, &t, 0, 0);
}

static uint64_t now_ns(void) {
  struct { long sec, nsec; } t = {0, 0};
  sys(SYS_clock_gettime, CLOCK_MONOTONIC, &t, 0);
  return (uint64_t)t.sec * 1000000000u + (uint64_t)t.nsec;
}

/* Opens a device node that may appear a little after its driver loaded. */
static int open_dev(const char* path, int flags) {
  int fd = -1;
  for (int i = 0; i < 50 && (fd = open_path(path, flags)) < 0; i++) sleep_ms(100);
  return fd;
}

/* The test pattern: word i of the disk is splitmix64(seed + i). */
static uint64_t pattern_word(uint64_t seed, uint64_t i) {
  uint64_t z = seed + i * 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

static uint64_t io_buf[(1 << 20) / 8] __attribute__((aligned(4096)));
#define IO_BUF_BYTES sizeof(io_buf)

static void fill_pattern(uint64_t seed, uint64_t offset, size_t len) {
  for (size_t w = 0; w < len / 8; w++) io_buf[w] = pattern_word(seed, offset / 8 + w);
}

static void mode_hvc(void) {
  int fd = open_dev("/dev/hvc0", O_RDWR);
  if (fd < 0) {
    say("vmd-init: hvc cannot open /dev/hvc0\n");
    return;
  }
  for (int i = 0; i < 3; i++) sys(SYS_dup3, fd, i, 0);
  if (fd > 2) sys(SYS_close, fd, 0, 0);
  /* Kernel messages share hvc0 now: only emergencies from here on, so they
   * cannot split the lines the host checks. */
  int printk = open_path("/proc/sys/kernel/printk", O_WRONLY);
  if (printk >= 0) {
    sys(SYS_write, printk, "1", 1);
    sys(SYS_close, printk, 0, 0);
  }
  say("vmd-init: hvc console on /dev/hvc0\n");
}

static void print_file(const char* label, const char* path) {
  char buf[128];
  int fd = open_dev(path, O_RDONLY);
  long n = fd < 0 ? fd : sys(SYS_read, fd, buf, sizeof(buf) - 1);
  if (fd >= 0) sys(SYS_close, fd, 0, 0);
  if (n < 0) n = 0;
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == 0)) n--;
  buf[n] = 0;
  say(label);
  say(buf);
  say("]\n");
}

static void mode_rng(void) {
  print_file("vmd-init: rng current [", "/sys/class/misc/hw_random/rng_current");
  int fd = open_dev("/dev/hwrng", O_RDONLY);
  for (int round = 0; round < 2; round++) {
    unsigned char buf[32];
    long got = 0;
    while (fd >= 0 && got < (long)sizeof(buf)) {
      long n = sys(SYS_read, fd, buf + got, sizeof(buf) - got);
      if (n <= 0) break;
      got += n;
    }
    say("vmd-init: rng read ");
    say_num(got > 0 ? (uint64_t)got : 0);
    say(" bytes ");
    if (got > 0) say_hex_bytes(buf, (size_t)got);
    say("\n");
  }
  if (fd >= 0) sys(SYS_close, fd, 0, 0);
}

static void mode_ro(void) {
  unsigned char* buf = (unsigned char*)io_buf;
  int fd = open_dev("/dev/vdb", O_RDONLY);
  long n = fd < 0 ? fd : sys6(SYS_pread64, fd, (long)buf, 512, 0, 0, 0);
  if (fd >= 0) sys(SYS_close, fd, 0, 0);
  say("vmd-init: ro first bytes [");
  if (n > 0) {
    buf[32] = 0;
    for (int i = 0; i < 32 && buf[i]; i++) {
      if (buf[i] < ' ' || buf[i] > '~') buf[i] = '.';
    }
    say((const char*)buf);
  }
  say("]\n");
  fd = open_path("/dev/vdb", O_WRONLY);
  long r = fd;
  if (fd >= 0) {
    memset(buf, 0xa5, 512);
    r = sys6(SYS_pwrite64, fd, (long)buf, 512, 0, 0, 0);
    if (r >= 0) r = sys(SYS_fsync, fd, 0, 0);
    sys(SYS_close, fd, 0, 0);
  }
  if (r < 0) {
    say("vmd-init: ro write refused, errno ");
    say_num((uint64_t)-r);
    say("\n");
  } else {
    say("vmd-init: ro write ACCEPTED\n");
  }
}

static void mode_blkwrite(uint64_t seed, uint64_t bytes) {
  int fd = open_dev("/dev/vda", O_RDWR);
  if (fd < 0) {
    say("vmd-init: blkwrite cannot open /dev/vda\n");
    return;
  }
  for (uint64_t off = 0; off < bytes; off += IO_BUF_BYTES) {
    fill_pattern(seed, off, IO_BUF_BYTES);
    if (sys6(SYS_pwrite64, fd, (long)io_buf, IO_BUF_BYTES, (long)off, 0, 0) != (long)IO_BUF_BYTES) {
      say("vmd-init: blkwrite FAILED\n");
      sys(SYS_close, fd, 0, 0);
      return;
    }
  }
  /* fsync sends the cache flush (VIRTIO_BLK_T_FLUSH); BLKFLSBUF drops our page cache. */
  long r = sys(SYS_fsync, fd, 0, 0);
  sys(SYS_ioctl, fd, BLKFLSBUF, 0);
  sys(SYS_close, fd, 0, 0);
  say(r == 0 ? "vmd-init: blkwrite done " : "vmd-init: blkwrite fsync FAILED ");
  say_num(bytes);
  say(" bytes\n");
}

static void mode_blkverify(uint64_t seed, uint64_t bytes) {
  int fd = open_dev("/dev/vda", O_RDONLY);
  if (fd < 0) {
    say("vmd-init: blkverify cannot open /dev/vda\n");
    return;
  }
  for (uint64_t off = 0; off < bytes; off += IO_BUF_BYTES) {
    if (sys6(SYS_pread64, fd, (long)io_buf, IO_BUF_BYTES, (long)off, 0, 0) != (long)IO_BUF_BYTES) {
      say("vmd-init: blkverify read FAILED\n");
      sys(SYS_close, fd, 0, 0);
      return;
    }
    for (size_t w = 0; w < IO_BUF_BYTES / 8; w++) {
      if (io_buf[w] != pattern_word(seed, off / 8 + w)) {
        say("vmd-init: blkverify MISMATCH at byte ");
        say_num(off + w * 8);
        say("\n");
        sys(SYS_close, fd, 0, 0);
        return;
      }
    }
  }
  sys(SYS_close, fd, 0, 0);
  say("vmd-init: blkverify ok ");
  say_num(bytes);
  say(" bytes\n");
}

static void report_rate(const char* what, uint64_t bytes, uint64_t ns) {
  say("vmd-init: blkbench ");
  say(what);
  say(" ");
  say_num(bytes >> 20);
  say(" MiB in ");
  say_num(ns / 1000000);
  say(" ms = ");
  /* Bytes per microsecond are MB/s; in tenths for one decimal. */
  const uint64_t us = ns / 1000 ? ns / 1000 : 1;
  const uint64_t tenths = bytes * 10 / us;
  say_num(tenths / 10);
  say(".");
  say_num(tenths % 10);
  say(" MB/s\n");
}

static void mode_blkbench(uint64_t bytes) {
  int fd = open_dev("/dev/vda", O_RDWR | O_DIRECT);
  if (fd < 0) {
    say("vmd-init: blkbench cannot open /dev/vda\n");
    return;
  }
  fill_pattern(1, 0, IO_BUF_BYTES);
  uint64_t t0 = now_ns();
  for (uint64_t off = 0; off < bytes; off += IO_BUF_BYTES) {
    if (sys6(SYS_pwrite64, fd, (long)io_buf, IO_BUF_BYTES, (long)off, 0, 0) != (long)IO_BUF_BYTES) {
      say("vmd-init: blkbench write FAILED\n");
      return;
    }
  }
  sys(SYS_fsync, fd, 0, 0);
  uint64_t t1 = now_ns();
  report_rate("write", bytes, t1 - t0);
  for (uint64_t off = 0; off < bytes; off += IO_BUF_BYTES) {
    if (sys6(SYS_pread64, fd, (long)io_buf, IO_BUF_BYTES, (long)off, 0, 0) != (long)IO_BUF_BYTES) {
      say("vmd-init: blkbench read FAILED\n");
      return;
    }
  }
  uint64_t t2 = now_ns();
  report_rate("read", bytes, t2 - t1);
  sys(SYS_close, fd, 0, 0);
}

static void mode_touch(uint64_t bytes) {
  long p = sys6(SYS_mmap, 0, (long)bytes, 3 /* PROT_READ|PROT_WRITE */,
                0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0);
  if (p < 0 && p > -4096) {
    say("vmd-init: touch mmap FAILED\n");
    return;
  }
  for (uint64_t off = 0; off < bytes; off += 4096) ((volatile char*)p)[off] = 1;
  sys(SYS_munmap, p, (long)bytes, 0);
  say("vmd-init: touch done ");
  say_num(bytes >> 20);
  say(" MiB\n");
}

struct sockaddr_in4 {
  uint16_t family;
  uint16_t port; /* big-endian */
  uint32_t addr; /* big-endian */
  uint8_t zero[8];
};
struct ifreq_addr {
  char name[16];
  struct sockaddr_in4 addr;
  uint8_t pad[8];
};
struct ifreq_flags {
  char name[16];
  short flags;
  uint8_t pad[22];
};

static uint16_t be16(uint16_t v) { return (uint16_t)((v >> 8) | (v << 8)); }
static uint32_t ipv4(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  return a | (b << 8) | (c << 16) | (d << 24); /* network order in memory */
}

/* Reads one line (up to len-1 bytes, without the newline) with a timeout. */
static long read_line(int fd, char* buf, long len, long timeout_ms) {
  long got = 0;
  while (got < len - 1) {
    struct pollfd p = {fd, POLLIN, 0};
    struct { long sec, nsec; } t = {timeout_ms / 1000, (timeout_ms % 1000) * 1000000};
    if (sys6(SYS_ppoll, (long)&p, 1, (long)&t, 0, 8, 0) <= 0) break;
    long n = sys(SYS_read, fd, buf + got, 1);
    if (n <= 0) break;
    if (buf[got] == '\n') break;
    got++;
  }
  buf[got] = 0;
  return got;
}

static int configure_eth0(void) {
  int s = (int)sys(SYS_socket, 2 /* AF_INET */, 2 /* SOCK_DGRAM */, 0);
  if (s < 0) return s;
  struct ifreq_addr ra;
  memset(&ra, 0, sizeof(ra));
  memcpy(ra.name, "eth0", 5);
  ra.addr.family = 2;
  ra.addr.addr = ipv4(10, 0, 2, 15);
  long r = sys(SYS_ioctl, s, 0x8916 /* SIOCSIFADDR */, &ra);
  ra.addr.addr = ipv4(255, 255, 255, 0);
  if (r == 0) r = sys(SYS_ioctl, s, 0x891c /* SIOCSIFNETMASK */, &ra);
  struct ifreq_flags rf;
  memset(&rf, 0, sizeof(rf));
  memcpy(rf.name, "eth0", 5);
  if (r == 0) r = sys(SYS_ioctl, s, 0x8913 /* SIOCGIFFLAGS */, &rf);
  rf.flags |= 1 /* IFF_UP */;
  if (r == 0) r = sys(SYS_ioctl, s, 0x8914 /* SIOCSIFFLAGS */, &rf);
  sys(SYS_close, s, 0, 0);
  return (int)r;
}

static void mode_net(uint64_t host_port, uint64_t listen_port) {
  int r = -1;
  /* The interface appears once virtio_net has probed. */
  for (int i = 0; i < 50 && (r = configure_eth0()) < 0; i++) sleep_ms(100);
  if (r < 0) {
    say("vmd-init: net eth0 setup FAILED, errno ");
    say_num((uint64_t)-r);
    say("\n");
    return;
  }
  say("vmd-init: net eth0 is 10.0.2.15/24\n");
  char line[128];
  if (host_port) {
    int s = (int)sys(SYS_socket, 2, 1 /* SOCK_STREAM */, 0);
    struct sockaddr_in4 to = {2, be16((uint16_t)host_port), ipv4(10, 0, 2, 2), {0}};
    long c = s < 0 ? s : sys(SYS_connect, s, &to, sizeof(to));
    if (c < 0) {
      say("vmd-init: net connect to 10.0.2.2 FAILED, errno ");
      say_num((uint64_t)-c);
      say("\n");
    } else {
      say_fd_line(s, "vmd-guest-hello\n");
      read_line(s, line, sizeof(line), 20000);
      say("vmd-init: net host said [");
      say(line);
      say("]\n");
    }
    if (s >= 0) sys(SYS_close, s, 0, 0);
  }
  if (listen_port) {
    int s = (int)sys(SYS_socket, 2, 1, 0);
    int one = 1;
    sys6(SYS_setsockopt, s, 1 /* SOL_SOCKET */, 2 /* SO_REUSEADDR */, (long)&one, sizeof(one), 0);
    struct sockaddr_in4 me = {2, be16((uint16_t)listen_port), 0, {0}};
    if (s < 0 || sys(SYS_bind, s, &me, sizeof(me)) < 0 || sys(SYS_listen, s, 1, 0) < 0) {
      say("vmd-init: net listen FAILED\n");
      return;
    }
    say("vmd-init: net listening on ");
    say_num(listen_port);
    say("\n");
    struct pollfd p = {s, POLLIN, 0};
    struct { long sec, nsec; } t = {60, 0};
    int c = sys6(SYS_ppoll, (long)&p, 1, (long)&t, 0, 8, 0) > 0 ? (int)sys(SYS_accept, s, 0, 0) : -1;
    if (c < 0) {
      say("vmd-init: net accept FAILED\n");
    } else {
      read_line(c, line, sizeof(line), 20000);
      say_fd_line(c, "vmd-guest-echo:");
      say_fd_line(c, line);
      say_fd_line(c, "\n");
      sys(SYS_close, c, 0, 0);
      say("vmd-init: net served [");
      say(line);
      say("]\n");
    }
    sys(SYS_close, s, 0, 0);
  }
}

static void run_modes(char** envp) {
  const char* modes = env_value(envp, "vmdinit");
  if (!modes) return;
  const uint64_t seed = parse_num(env_value(envp, "vmdseed"), 1);
  const uint64_t bytes = parse_num(env_value(envp, "vmdmb"), 8) << 20;
  if (has_word(modes, "hvc")) mode_hvc();
  if (has_word(modes, "serial")) print_file("vmd-init: serial [", "/sys/block/vda/serial");
  if (has_word(modes, "rng")) mode_rng();
  if (has_word(modes, "ro")) mode_ro();
  if (has_word(modes, "blkwrite")) mode_blkwrite(seed, bytes);
  if (has_word(modes, "blkverify")) mode_blkverify(seed, bytes);
  if (has_word(modes, "blkbench")) mode_blkbench(bytes);
  if (has_word(modes, "touch")) mode_touch(bytes);
  if (has_word(modes, "net")) {
    mode_net(parse_num(env_value(envp, "vmdnetport"), 0), parse_num(env_value(envp, "vmdnetlisten"), 0));
  }
  say("vmd-init: modes done\n");
}

void init_main(long* sp) {
  /* The initial stack: argc, argv[argc], NULL, envp..., NULL. */
  char** envp = (char**)(sp + 1 + sp[0] + 1);
  mount_fs("devtmpfs", "/dev", "devtmpfs");
  setup_console();
  mount_fs("proc", "/proc", "proc");
  mount_fs("sysfs", "/sys", "sysfs");
  say("vmd-init: started\n");
  load_modules();
  run_modes(envp);
  say(MARKER "\n");
  int sh = open_path("/bin/sh", O_RDONLY);
  if (sh >= 0) {
    sys(SYS_close, sh, 0, 0);
    run_until_power_button(1);
  }
  const char* modes = env_value(envp, "vmdinit");
  if (modes && has_word(modes, "wait")) run_until_power_button(0);
  power_off();
}

__asm__(
    ".global _start\n"
    "_start:\n"
    "  mov x29, #0\n"
    "  mov x0, sp\n"
    "  bl init_main\n"
    "  mov x8, #93\n"
    "  svc #0\n");
