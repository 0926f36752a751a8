#include "engine/vmm/console_tty.h"

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace vmd {

StdioConsole::~StdioConsole() { Stop(); }

void StdioConsole::Start(InputFn input, EscapeFn escape) {
  input_ = std::move(input);
  escape_ = std::move(escape);
  if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_) == 0) {
    struct termios raw = saved_;
    cfmakeraw(&raw);
    // Keep output post-processing so the host terminal still maps \n to \r\n
    // for guests that only send \n.
    raw.c_oflag |= OPOST;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0) raw_ = true;
  }
  if (pipe(wake_pipe_) != 0) wake_pipe_[0] = wake_pipe_[1] = -1;
  reader_ = std::thread([this] { ReadLoop(); });
}

void StdioConsole::Stop() {
  if (wake_pipe_[1] >= 0) {
    char c = 0;
    (void)!write(wake_pipe_[1], &c, 1);
  }
  if (reader_.joinable()) reader_.join();
  for (int& fd : wake_pipe_) {
    if (fd >= 0) close(fd);
    fd = -1;
  }
  if (raw_) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved_);
    raw_ = false;
  }
}

void StdioConsole::Write(const uint8_t* data, size_t len) {
  while (len > 0) {
    ssize_t n = write(STDOUT_FILENO, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // stdout gone: the guest keeps running, its output is lost
    }
    data += n;
    len -= static_cast<size_t>(n);
  }
}

void StdioConsole::ReadLoop() {
  uint8_t buf[256];
  for (;;) {
    struct pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {wake_pipe_[0], POLLIN, 0}};
    int n = poll(fds, wake_pipe_[0] >= 0 ? 2 : 1, -1);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;
    }
    if (fds[1].revents != 0) return;
    if (fds[0].revents == 0) continue;
    ssize_t got = read(STDIN_FILENO, buf, sizeof(buf));
    if (got <= 0) {
      if (got < 0 && errno == EINTR) continue;
      return;  // EOF: no more input, the guest keeps running
    }
    size_t len = static_cast<size_t>(got);
    for (size_t i = 0; i < len; ++i) {
      if (raw_ && buf[i] == kEscapeKey) {
        if (i > 0) input_(buf, i);
        escape_();
        return;
      }
    }
    input_(buf, len);
  }
}

}  // namespace vmd
