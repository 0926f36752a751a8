#include "engine/net/slirp_backend.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstring>

#include "absl/strings/str_format.h"
#include "engine/base/logging.h"
#include "libslirp.h"

namespace vmd {

struct SlirpBackend::Impl {
  // A timer slirp asked for. Old-style timers carry their own callback; new
  // ones (timer_new_opaque) are handed back through slirp_handle_timer.
  struct Timer {
    SlirpTimerCb cb = nullptr;
    SlirpTimerId id = SLIRP_TIMER_RA;
    void* cb_opaque = nullptr;
    int64_t expire_ms = -1;  // -1: not armed
  };

  explicit Impl(SlirpBackend* o) : owner(o) {}

  static int64_t NowNs() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
  }
  static Impl* Of(void* opaque) { return static_cast<SlirpBackend*>(opaque)->impl_.get(); }

  // --- SlirpCb, all called on the thread that is inside libslirp ---
  static ssize_t SendPacket(const void* buf, size_t len, void* opaque) {
    static_cast<SlirpBackend*>(opaque)->DeliverToGuest(static_cast<const uint8_t*>(buf), len);
    return static_cast<ssize_t>(len);
  }
  static void GuestError(const char* msg, void* opaque) {
    auto* self = static_cast<SlirpBackend*>(opaque);
    if (self->warn_limit_.Allow()) self->log_->warn("guest network error: {}", msg);
  }
  static int64_t ClockGetNs(void*) { return NowNs(); }
  static void* TimerNew(SlirpTimerCb cb, void* cb_opaque, void* opaque) {
    auto t = std::make_unique<Timer>();
    t->cb = cb;
    t->cb_opaque = cb_opaque;
    Timer* raw = t.get();
    Of(opaque)->timers.push_back(std::move(t));
    return raw;
  }
  static void* TimerNewOpaque(SlirpTimerId id, void* cb_opaque, void* opaque) {
    auto t = std::make_unique<Timer>();
    t->id = id;
    t->cb_opaque = cb_opaque;
    Timer* raw = t.get();
    Of(opaque)->timers.push_back(std::move(t));
    return raw;
  }
  static void TimerFree(void* timer, void* opaque) {
    auto& timers = Of(opaque)->timers;
    std::erase_if(timers, [timer](const std::unique_ptr<Timer>& t) { return t.get() == timer; });
  }
  static void TimerMod(void* timer, int64_t expire_ms, void*) {
    static_cast<Timer*>(timer)->expire_ms = expire_ms;
  }
  // The poll set is rebuilt from slirp_pollfds_fill every loop.
  static void RegisterPollFd(int, void*) {}
  static void UnregisterPollFd(int, void*) {}
  static void Notify(void* opaque) { static_cast<SlirpBackend*>(opaque)->Wake(); }
  static void InitCompleted(Slirp*, void*) {}

  static int AddPoll(int fd, int events, void* opaque) {
    auto* impl = static_cast<Impl*>(opaque);
    short ev = 0;
    if (events & SLIRP_POLL_IN) ev |= POLLIN;
    if (events & SLIRP_POLL_OUT) ev |= POLLOUT;
    if (events & SLIRP_POLL_PRI) ev |= POLLPRI;
    impl->pollfds.push_back({fd, ev, 0});
    return static_cast<int>(impl->pollfds.size() - 1);
  }
  static int GetRevents(int idx, void* opaque) {
    auto* impl = static_cast<Impl*>(opaque);
    if (idx < 0 || static_cast<size_t>(idx) >= impl->pollfds.size()) return 0;
    const short rev = impl->pollfds[idx].revents;
    int r = 0;
    if (rev & POLLIN) r |= SLIRP_POLL_IN;
    if (rev & POLLOUT) r |= SLIRP_POLL_OUT;
    if (rev & POLLPRI) r |= SLIRP_POLL_PRI;
    if (rev & (POLLERR | POLLNVAL)) r |= SLIRP_POLL_ERR;
    if (rev & POLLHUP) r |= SLIRP_POLL_HUP;
    return r;
  }

  // Milliseconds until the next armed timer, capped at `limit`.
  uint32_t TimerTimeout(uint32_t limit) const {
    const int64_t now = NowNs() / 1000000;
    for (const auto& t : timers) {
      if (t->expire_ms < 0) continue;
      limit = static_cast<uint32_t>(std::clamp<int64_t>(t->expire_ms - now, 0, limit));
    }
    return limit;
  }
  void FireTimers() {
    const int64_t now = NowNs() / 1000000;
    std::vector<Timer*> due;
    for (const auto& t : timers) {
      if (t->expire_ms >= 0 && t->expire_ms <= now) due.push_back(t.get());
    }
    for (Timer* t : due) {
      // An earlier callback may have freed or re-armed this one.
      const bool alive = std::any_of(timers.begin(), timers.end(),
                                     [t](const std::unique_ptr<Timer>& u) { return u.get() == t; });
      if (!alive || t->expire_ms < 0 || t->expire_ms > now) continue;
      t->expire_ms = -1;
      if (t->cb != nullptr) {
        t->cb(t->cb_opaque);
      } else {
        slirp_handle_timer(slirp, t->id, t->cb_opaque);
      }
    }
  }

  SlirpBackend* const owner;
  Slirp* slirp = nullptr;
  SlirpCb callbacks{};
  std::vector<std::unique_ptr<Timer>> timers;
  std::vector<pollfd> pollfds;
};

namespace {

absl::StatusOr<in_addr> ParseIpv4(const std::string& text) {
  in_addr a{};
  if (inet_pton(AF_INET, text.c_str(), &a) != 1) {
    return absl::InvalidArgumentError(absl::StrFormat("\"%s\" is not an IPv4 address", text));
  }
  return a;
}

in_addr Ipv4(const char* text) {
  in_addr a{};
  inet_pton(AF_INET, text, &a);
  return a;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SlirpBackend>> SlirpBackend::Create(const NetConfig& config) {
  std::unique_ptr<SlirpBackend> backend(new SlirpBackend(config));
  absl::Status s = backend->Init();
  if (!s.ok()) return s;
  SlirpBackend* self = backend.get();
  backend->thread_ = std::thread([self] { self->Run(); });
  return backend;
}

SlirpBackend::SlirpBackend(const NetConfig& config)
    : config_(config), log_(Logger("net")), impl_(std::make_unique<Impl>(this)) {}

absl::Status SlirpBackend::Init() {
  int fds[2];
  if (pipe(fds) != 0) {
    return absl::InternalError(absl::StrFormat("slirp: pipe: %s", std::strerror(errno)));
  }
  wake_rd_ = fds[0];
  wake_wr_ = fds[1];
  for (int fd : fds) {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    fcntl(fd, F_SETFD, FD_CLOEXEC);
  }

  SlirpConfig cfg{};
  cfg.version = 4;
  cfg.restricted = 0;
  cfg.in_enabled = true;
  cfg.vnetwork = Ipv4(kSlirpNetwork);
  cfg.vnetmask = Ipv4(kSlirpNetmask);
  cfg.vhost = Ipv4(kSlirpGateway);
  cfg.in6_enabled = false;
  cfg.vdhcp_start = Ipv4(kSlirpGuest);
  cfg.vnameserver = Ipv4(kSlirpDns);
  cfg.if_mtu = kEthMtu;
  cfg.if_mru = kEthMtu;
  cfg.disable_host_loopback = false;  // 10.0.2.2 reaches the host's 127.0.0.1
  cfg.enable_emu = false;             // slirp's protocol "emulation" is not safe
  cfg.disable_dns = false;
  cfg.disable_dhcp = false;

  SlirpCb& cb = impl_->callbacks;
  cb.send_packet = Impl::SendPacket;
  cb.guest_error = Impl::GuestError;
  cb.clock_get_ns = Impl::ClockGetNs;
  cb.timer_new = Impl::TimerNew;
  cb.timer_free = Impl::TimerFree;
  cb.timer_mod = Impl::TimerMod;
  cb.register_poll_fd = Impl::RegisterPollFd;
  cb.unregister_poll_fd = Impl::UnregisterPollFd;
  cb.notify = Impl::Notify;
  cb.init_completed = Impl::InitCompleted;
  cb.timer_new_opaque = Impl::TimerNewOpaque;
  impl_->slirp = slirp_new(&cfg, &cb, this);
  if (impl_->slirp == nullptr) return absl::InternalError("slirp: slirp_new failed");

  const in_addr guest = Ipv4(kSlirpGuest);
  for (const PortForward& f : config_.port_forwards) {
    const char* proto = f.protocol == PortForward::kUdp ? "udp" : "tcp";
    const std::string host = f.host_addr.empty() ? "127.0.0.1" : f.host_addr;
    const std::string what = absl::StrFormat("port forward %s %s:%d -> guest %d", proto, host,
                                             f.host_port, f.guest_port);
    if (f.host_port == 0 || f.guest_port == 0) {
      return absl::InvalidArgumentError(what + ": ports must be 1..65535");
    }
    absl::StatusOr<in_addr> addr = ParseIpv4(host);
    if (!addr.ok())
      return absl::InvalidArgumentError(what + ": " + std::string(addr.status().message()));
    errno = 0;
    if (slirp_add_hostfwd(impl_->slirp, f.protocol == PortForward::kUdp, *addr, f.host_port, guest,
                          f.guest_port) != 0) {
      const int err = errno;
      return absl::FailedPreconditionError(absl::StrFormat(
          "%s: cannot listen on the host: %s", what, err != 0 ? std::strerror(err) : "failed"));
    }
    log_->info("{}", what);
  }
  return absl::OkStatus();
}

SlirpBackend::~SlirpBackend() {
  if (thread_.joinable()) {
    {
      absl::MutexLock lock(&mu_);
      stop_ = true;
    }
    Wake();
    thread_.join();
  }
  // The thread is gone: this thread may call into slirp now. Cleanup closes
  // its sockets and frees its timers through the callbacks above.
  if (impl_->slirp != nullptr) slirp_cleanup(impl_->slirp);
  if (wake_rd_ >= 0) close(wake_rd_);
  if (wake_wr_ >= 0) close(wake_wr_);
}

void SlirpBackend::SetReceiver(NetFrameReceiver* receiver) {
  absl::MutexLock lock(&receiver_mu_);
  receiver_ = receiver;
}

SlirpBackend::Stats SlirpBackend::stats() const {
  return {to_slirp_.load(), from_slirp_.load(), dropped_.load(), no_receiver_.load()};
}

bool SlirpBackend::Send(const uint8_t* frame, size_t len) {
  if (len < kEthHeaderSize || len > kMaxEthFrameSize) {
    ++dropped_;
    return false;
  }
  bool was_empty;
  {
    absl::MutexLock lock(&mu_);
    if (stop_ || pending_.size() >= config_.max_pending_frames) {
      ++dropped_;
      return false;
    }
    was_empty = pending_.empty();
    pending_.emplace_back(frame, frame + len);
  }
  // The thread takes the whole queue each time it wakes, so only the first
  // frame of a batch needs to wake it.
  if (was_empty) Wake();
  return true;
}

void SlirpBackend::Wake() {
  const uint8_t b = 1;
  // A full pipe already means "wake up"; nothing else can go wrong here.
  [[maybe_unused]] ssize_t n = write(wake_wr_, &b, 1);
}

void SlirpBackend::DeliverToGuest(const uint8_t* frame, size_t len) {
  ++from_slirp_;
  absl::MutexLock lock(&receiver_mu_);
  if (receiver_ != nullptr) {
    receiver_->ReceiveFrame(frame, len);
  } else {
    ++no_receiver_;
  }
}

void SlirpBackend::Run() {
#ifdef __APPLE__
  pthread_setname_np("slirp");
#else
  pthread_setname_np(pthread_self(), "slirp");
#endif
  // slirp writes to sockets whose peer may have gone; a SIGPIPE must not end
  // the process. Blocked here, it stays pending on this thread, harmlessly.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGPIPE);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);

  Impl& impl = *impl_;
  std::deque<std::vector<uint8_t>> batch;
  for (;;) {
    {
      absl::MutexLock lock(&mu_);
      if (stop_) return;
      batch.swap(pending_);
    }
    for (const std::vector<uint8_t>& f : batch) {
      slirp_input(impl.slirp, f.data(), static_cast<int>(f.size()));
      ++to_slirp_;
    }
    batch.clear();

    impl.pollfds.clear();
    impl.pollfds.push_back({wake_rd_, POLLIN, 0});
    // slirp lowers this to what its TCP timers need (at most 1 s).
    uint32_t timeout = UINT32_MAX;
    slirp_pollfds_fill(impl.slirp, &timeout, Impl::AddPoll, &impl);
    timeout = impl.TimerTimeout(std::min<uint32_t>(timeout, 1000));
    const int n = poll(impl.pollfds.data(), static_cast<nfds_t>(impl.pollfds.size()),
                       static_cast<int>(timeout));
    const bool poll_error = n < 0 && errno != EINTR;
    if (poll_error && warn_limit_.Allow()) log_->error("poll: {}", std::strerror(errno));
    slirp_pollfds_poll(impl.slirp, n < 0 ? 1 : 0, Impl::GetRevents, &impl);
    if (n > 0 && (impl.pollfds[0].revents & POLLIN)) {
      uint8_t drain[256];
      while (read(wake_rd_, drain, sizeof(drain)) > 0) {
      }
    }
    impl.FireTimers();
  }
}

}  // namespace vmd
