// vmd: the daemon. Opens the state directory (registry, event journal),
// re-attaches to the workers that outlived a previous vmd, and serves vmd.v1
// on $STATE/vmd.sock (and, opt-in, TCP with mutual TLS). Runs in the
// foreground; launchd/systemd (launchd/) keep it running.
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "CLI/CLI.hpp"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "daemon/atomic_file.h"
#include "daemon/event_journal.h"
#include "daemon/registry.h"
#include "daemon/supervisor.h"
#include "daemon/unix_listener.h"
#include "daemon/vmd_service.h"
#include "engine/base/logging.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/security/server_credentials.h"

#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

namespace vmd::daemon {
namespace {

std::shared_ptr<spdlog::logger> Log() { return vmd::Logger("vmd"); }

int Fail(const std::string& what) {
  std::fprintf(stderr, "vmd: %s\n", what.c_str());
  return 1;
}

std::string DefaultStateDir() {
  if (::geteuid() == 0) return "/var/lib/vmd";
  if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg != nullptr && xdg[0] == '/') {
    return std::string(xdg) + "/vmd";
  }
  const char* home = std::getenv("HOME");
  if (home == nullptr) {
    if (struct passwd* pw = ::getpwuid(::geteuid()); pw != nullptr) home = pw->pw_dir;
  }
  return std::string(home != nullptr ? home : "/tmp") + "/.local/state/vmd";
}

// The vmm binary next to this one.
std::string DefaultVmmPath(const char* argv0) {
  std::error_code ec;
  std::filesystem::path self;
#ifdef __APPLE__
  char buf[4096];
  uint32_t size = sizeof(buf);
  if (_NSGetExecutablePath(buf, &size) == 0) self = std::filesystem::canonical(buf, ec);
#else
  self = std::filesystem::read_symlink("/proc/self/exe", ec);
#endif
  if (self.empty()) self = std::filesystem::absolute(argv0, ec);
  return (self.parent_path() / "vmm").string();
}

absl::StatusOr<std::string> ReadPem(const std::string& path, const char* flag) {
  absl::StatusOr<std::string> pem = ReadFileToString(path);
  if (!pem.ok()) return absl::InvalidArgumentError(absl::StrCat(flag, ": ", pem.status().message()));
  return pem;
}

std::string CallerDescription(grpc::ServerContext* ctx) {
  std::string out = ctx->peer();
  std::shared_ptr<const grpc::AuthContext> auth = ctx->auth_context();
  if (auth) {
    for (const grpc::string_ref& cn : auth->FindPropertyValues("x509_common_name")) {
      out += " CN=" + std::string(cn.data(), cn.size());
    }
  }
  return out;
}

int Main(int argc, char** argv) {
  CLI::App app{"vmd: the vmd daemon (serves vmd.v1 on STATE/vmd.sock; runs in the foreground)"};
  std::string state_dir, socket_group, tcp_listen, tls_cert, tls_key, tls_client_ca, vmm_path,
      log_level;
  std::vector<std::string> image_dirs;
  size_t journal_max_events = JournalOptions().max_events;
  size_t journal_max_bytes = JournalOptions().max_bytes;
  uint32_t max_vms = 0;
  bool version = false;
  app.add_option("--state-dir", state_dir,
                 "state directory (default /var/lib/vmd as root, ~/.local/state/vmd otherwise)");
  app.add_option("--socket-group", socket_group, "make vmd.sock 0660 with this group (name or gid)");
  app.add_option("--tcp-listen", tcp_listen, "also serve on HOST:PORT with mutual TLS");
  app.add_option("--tls-cert", tls_cert, "server certificate (PEM) for --tcp-listen");
  app.add_option("--tls-key", tls_key, "server private key (PEM) for --tcp-listen");
  app.add_option("--tls-client-ca", tls_client_ca, "CA (PEM) that must sign client certificates");
  app.add_option("--image-dir", image_dirs, "directory remote clients may name files in (repeatable)");
  app.add_option("--vmm", vmm_path, "the vmm worker binary (default: next to vmd)");
  app.add_option("--journal-max-events", journal_max_events, "events kept in the journal")
      ->capture_default_str();
  app.add_option("--journal-max-bytes", journal_max_bytes, "bytes kept in the journal")
      ->capture_default_str();
  app.add_option("--max-vms", max_vms, "most VMs this daemon keeps (0 = no limit)")->capture_default_str();
  app.add_option("--log", log_level, "log levels, e.g. info or warn,api=debug (also $VMD_LOG)");
  app.add_flag("--version", version, "print the version");
  CLI11_PARSE(app, argc, argv);
  if (version) {
    std::printf("vmd %s\n", VMD_VERSION);
    return 0;
  }
  if (absl::Status s = InitLogging(log_level); !s.ok()) return Fail(std::string(s.message()));
  if (state_dir.empty()) state_dir = DefaultStateDir();
  if (vmm_path.empty()) vmm_path = DefaultVmmPath(argv[0]);
  if (::access(vmm_path.c_str(), X_OK) != 0) return Fail("--vmm " + vmm_path + ": not executable");
  bool tls = !tls_cert.empty() || !tls_key.empty() || !tls_client_ca.empty();
  if (!tcp_listen.empty() && (tls_cert.empty() || tls_key.empty() || tls_client_ca.empty())) {
    return Fail("--tcp-listen needs --tls-cert, --tls-key and --tls-client-ca (no plaintext TCP)");
  }
  if (tls && tcp_listen.empty()) return Fail("--tls-* flags need --tcp-listen");
  std::optional<gid_t> group;
  if (!socket_group.empty()) {
    unsigned gid;
    if (absl::SimpleAtoi(socket_group, &gid)) {
      group = gid;
    } else if (struct group* gr = ::getgrnam(socket_group.c_str()); gr != nullptr) {
      group = gr->gr_gid;
    } else {
      return Fail("--socket-group " + socket_group + ": no such group");
    }
  }

  std::error_code ec;
  std::filesystem::create_directories(state_dir, ec);
  if (ec) return Fail("--state-dir " + state_dir + ": " + ec.message());
  // The group must reach vmd.sock inside; nobody else needs to look in.
  if (group && ::chown(state_dir.c_str(), static_cast<uid_t>(-1), *group) != 0) {
    return Fail("--socket-group: chown " + state_dir + ": " + std::strerror(errno));
  }
  ::chmod(state_dir.c_str(), group ? 0750 : 0700);
  // One daemon per state directory. The lock dies with the process (also on
  // SIGKILL), and workers never inherit it (Spawn closes every other fd).
  const std::string lock_path = state_dir + "/vmd.lock";
  int lock_fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock_fd < 0 || ::flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
    return Fail("another vmd is running on " + state_dir);
  }

  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  absl::StatusOr<std::unique_ptr<Registry>> registry = Registry::Open(state_dir);
  if (!registry.ok()) return Fail(registry.status().ToString());
  JournalOptions journal_options;
  journal_options.max_events = journal_max_events;
  journal_options.max_bytes = journal_max_bytes;
  absl::StatusOr<std::unique_ptr<EventJournal>> journal =
      EventJournal::Open(state_dir + "/events.log", journal_options);
  if (!journal.ok()) return Fail(journal.status().ToString());

  SupervisorOptions sup_options;
  sup_options.vmm_path = vmm_path;
  auto supervisor = std::make_unique<Supervisor>(registry->get(), journal->get(), sup_options);
  supervisor->Recover();

  absl::StatusOr<std::unique_ptr<UnixListener>> listener =
      UnixListener::Create(state_dir + "/vmd.sock", group);
  if (!listener.ok()) return Fail(listener.status().ToString());
  UnixListener* unix_listener = listener->get();

  ServiceOptions service_options;
  service_options.max_vms = max_vms;
  service_options.image_dirs = image_dirs;
  service_options.version = VMD_VERSION;
  long pages = ::sysconf(_SC_PHYS_PAGES), page_size = ::sysconf(_SC_PAGESIZE);
  if (pages > 0 && page_size > 0) {
    service_options.limits.max_memory_bytes = std::min<uint64_t>(
        service_options.limits.max_memory_bytes, static_cast<uint64_t>(pages) * page_size);
  }
  auto resolve = [unix_listener](grpc::ServerContext* ctx) -> absl::StatusOr<Caller> {
    Caller caller;
    if (std::optional<PeerCred> cred = unix_listener->Lookup(ctx->peer()); cred.has_value()) {
      caller.kind = Caller::Kind::kLocal;
      caller.cred = *cred;
      caller.description = absl::StrCat("uid ", cred->uid, " pid ", cred->pid);
      return caller;
    }
    std::shared_ptr<const grpc::AuthContext> auth = ctx->auth_context();
    if (auth && auth->IsPeerAuthenticated()) {
      caller.kind = Caller::Kind::kRemote;
      caller.description = CallerDescription(ctx);
      return caller;
    }
    return absl::PermissionDeniedError(absl::StrCat("caller ", ctx->peer(), ": not identified"));
  };
  VmdService service(registry->get(), journal->get(), supervisor.get(), resolve, service_options);

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  grpc::ResourceQuota quota("vmd");
  quota.SetMaxThreads(2048);
  builder.SetResourceQuota(quota);
  builder.RegisterService(&service);
  int tcp_port = 0;
  if (!tcp_listen.empty()) {
    grpc::SslServerCredentialsOptions ssl(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
    absl::StatusOr<std::string> cert = ReadPem(tls_cert, "--tls-cert");
    absl::StatusOr<std::string> key = ReadPem(tls_key, "--tls-key");
    absl::StatusOr<std::string> ca = ReadPem(tls_client_ca, "--tls-client-ca");
    for (const auto* s : {&cert, &key, &ca}) {
      if (!s->ok()) return Fail(std::string(s->status().message()));
    }
    ssl.pem_root_certs = *ca;
    ssl.pem_key_cert_pairs.push_back({*key, *cert});
    builder.AddListeningPort(tcp_listen, grpc::SslServerCredentials(ssl), &tcp_port);
  }
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr) return Fail("cannot start the gRPC server");
  if (!tcp_listen.empty() && tcp_port == 0) return Fail("--tcp-listen " + tcp_listen + ": cannot listen");
  unix_listener->Start(server.get());
  Log()->info("vmd {} serving on {} ({} VMs, {} workers re-attached){}", VMD_VERSION,
              unix_listener->path(), registry->get()->size(), supervisor->worker_count(),
              tcp_port ? absl::StrCat("; mTLS on ", tcp_listen, " port ", tcp_port) : "");
  if (tcp_port != 0) {
    // For scripts that asked for port 0.
    WriteFileAtomically(state_dir + "/tcp-port", absl::StrCat(tcp_port, "\n"), 0644).IgnoreError();
  }

  int sig = 0;
  sigwait(&signals, &sig);
  Log()->info("signal {}: shutting down (VMs keep running)", sig);
  unix_listener->Stop();
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  supervisor->Detach();
  journal->get()->Shutdown();
  spdlog::shutdown();
  // Threads of detached stop requests may still hold pointers into what
  // destructors would free; the process ends here instead.
  std::_Exit(0);
}

}  // namespace
}  // namespace vmd::daemon

int main(int argc, char** argv) { return vmd::daemon::Main(argc, argv); }
