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
 * for the power button instead of powering off at once. */
#include <stddef.h>
#include <stdint.h>

#define SYS_dup3 24
#define SYS_ioctl 29
#define SYS_mkdirat 34
#define SYS_mount 40
#define SYS_openat 56
#define SYS_close 57
#define SYS_getdents64 61
#define SYS_read 63
#define SYS_write 64
#define SYS_ppoll 73
#define SYS_sync 81
#define SYS_exit 93
#define SYS_kill 129
#define SYS_reboot 142
#define SYS_setsid 157
#define SYS_clone 220
#define SYS_execve 221
#define SYS_wait4 260
#define SYS_finit_module 273

#define AT_FDCWD -100
#define O_RDONLY 0
#define O_RDWR 2
#define O_NONBLOCK 04000
#define O_DIRECTORY 040000
#define O_CLOEXEC 02000000
#define SIGCHLD 17
#define SIGTERM 15
#define SIGKILL 9
#define WNOHANG 1
#define POLLIN 1
#define TIOCSCTTY 0x540E
#define EV_KEY 1
#define KEY_POWER 116

#define MARKER "VMD-BOOT-OK"

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

static void run_until_power_button(int with_shell) {
  struct pollfd fds[8];
  int nfds = open_input(fds, 8);
  say(nfds > 0 ? "vmd-init: power button armed\n" : "vmd-init: no input device, power button inactive\n");
  long shell = with_shell ? spawn_shell() : -2;
  for (;;) {
    struct { long sec, nsec; } tick = {0, 200 * 1000 * 1000};
    long r = nfds > 0 ? sys6(SYS_ppoll, (long)fds, nfds, (long)&tick, 0, 8, 0) : 0;
    if (nfds == 0) sys6(SYS_ppoll, 0, 0, (long)&tick, 0, 8, 0);
    for (int i = 0; r > 0 && i < nfds; i++) {
      struct input_event ev;
      while (sys(SYS_read, fds[i].fd, &ev, sizeof(ev)) == (long)sizeof(ev)) {
        if (ev.type == EV_KEY && ev.code == KEY_POWER && ev.value == 1) {
          say("\nvmd-init: power button pressed\n");
          power_off();
        }
      }
    }
    int status = 0;
    long done = sys6(SYS_wait4, -1, (long)&status, WNOHANG, 0, 0, 0);
    if (done == shell) {
      say("vmd-init: shell exited\n");
      power_off();
    }
  }
}

static int has_env(char** envp, const char* want) {
  for (; envp && *envp; envp++) {
    const char* a = *envp;
    const char* b = want;
    while (*a && *a == *b) a++, b++;
    if (*a == 0 && *b == 0) return 1;
  }
  return 0;
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
  say(MARKER "\n");
  int sh = open_path("/bin/sh", O_RDONLY);
  if (sh >= 0) {
    sys(SYS_close, sh, 0, 0);
    run_until_power_button(1);
  }
  if (has_env(envp, "vmdinit=wait")) run_until_power_button(0);
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
