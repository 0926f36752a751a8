// The vmm program's console on stdio: raw terminal mode when interactive
// (restored on exit), a reader thread feeding guest input, and the escape key
// (Ctrl-]) that ends the VM from the keyboard.
#ifndef VMD_ENGINE_VMM_CONSOLE_TTY_H_
#define VMD_ENGINE_VMM_CONSOLE_TTY_H_

#include <termios.h>

#include <atomic>
#include <functional>
#include <thread>

namespace vmd {

class StdioConsole {
 public:
  using InputFn = std::function<void(const uint8_t* data, size_t len)>;
  using EscapeFn = std::function<void()>;
  static constexpr uint8_t kEscapeKey = 0x1d;  // Ctrl-]

  StdioConsole() = default;
  ~StdioConsole();
  StdioConsole(const StdioConsole&) = delete;
  StdioConsole& operator=(const StdioConsole&) = delete;

  // Puts the terminal in raw mode if stdin is one, and starts reading stdin.
  void Start(InputFn input, EscapeFn escape);
  void Stop();
  // Writes guest output to stdout (whole buffer; retries on EINTR/partial writes).
  static void Write(const uint8_t* data, size_t len);

 private:
  void ReadLoop();

  InputFn input_;
  EscapeFn escape_;
  bool raw_ = false;
  struct termios saved_{};
  int wake_pipe_[2] = {-1, -1};
  std::thread reader_;
};

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_CONSOLE_TTY_H_
