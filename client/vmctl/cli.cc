// vmctl's command line (CLI11): global connection flags, one subcommand per
// verb with its flags and examples, dispatch to Commands; see cli.h.
#include "client/vmctl/cli.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

#include "CLI/CLI.hpp"
#include "absl/strings/str_cat.h"
#include "client/vmctl/exit_codes.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/grpcpp.h"

namespace vmd::vmctl {
namespace {

absl::StatusOr<std::string> ReadFile(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(what, " ", path, ": cannot open"));
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every VmSpec field as a flag; shared by `create` and `run`.
struct SpecFlags {
  std::string name, from, memory, kernel, initrd, cmdline, payload, mac, console, on_reboot;
  std::string request_id;
  uint32_t cpus = 0;
  std::vector<std::string> disks, forwards, labels;
  bool net = false, balloon = false, start = false;
};

void AddSpecFlags(CLI::App* sub, SpecFlags* f, bool with_start) {
  sub->add_option("name", f->name, "VM name ([a-z0-9][a-z0-9._-]{0,62})");
  sub->add_option("--from", f->from,
                  "read the spec from a JSON file (vmd.v1.VmSpec); other flags override it");
  sub->add_option("--cpus", f->cpus, "number of vCPUs (default 1)");
  sub->add_option("--memory", f->memory, "guest RAM, bytes or with K/M/G suffix (default 512M)");
  sub->add_option("--kernel", f->kernel, "arm64 Linux Image or Image.gz");
  sub->add_option("--initrd", f->initrd, "initial ramdisk (with --kernel)");
  sub->add_option("--cmdline", f->cmdline, "kernel command line (with --kernel)");
  sub->add_option("--payload", f->payload, "raw bare-metal payload instead of a kernel");
  sub->add_option("--disk", f->disks, "PATH[,ro][,serial=S]; repeat for vdb, vdc, ...");
  sub->add_flag("--net", f->net, "add a virtio-net device on user-mode NAT");
  sub->add_option("--mac", f->mac, "MAC address of the network device (implies --net)");
  sub->add_option("--forward", f->forwards,
                  "[tcp:|udp:][ADDR:]HOSTPORT:GUESTPORT host->guest port forward (implies "
                  "--net); repeatable");
  sub->add_option("--console", f->console, "console device: pl011 or virtio (default pl011)")
      ->check(CLI::IsMember({"pl011", "virtio"}));
  sub->add_option("--on-reboot", f->on_reboot, "guest reboot: restart or stop (default restart)")
      ->check(CLI::IsMember({"restart", "stop"}));
  sub->add_option("--label", f->labels, "KEY=VALUE label; repeatable");
  sub->add_flag("--balloon", f->balloon, "add a virtio-balloon device");
  sub->add_option("--request-id", f->request_id,
                  "idempotency key: a retry with the same id and spec returns the same VM");
  if (with_start) sub->add_flag("--start", f->start, "start the VM right away");
}

absl::StatusOr<v1::CreateVmRequest> BuildCreateRequest(const SpecFlags& f) {
  v1::CreateVmRequest request;
  v1::VmSpec* spec = request.mutable_spec();
  if (!f.from.empty()) {
    absl::StatusOr<std::string> text = ReadFile(f.from, "--from");
    if (!text.ok()) return text.status();
    if (!google::protobuf::util::JsonStringToMessage(*text, spec).ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("--from ", f.from, ": not a vmd.v1.VmSpec in protobuf JSON"));
    }
  }
  if (!f.name.empty()) spec->set_name(f.name);
  if (spec->name().empty()) return absl::InvalidArgumentError("a VM name is required");
  if (f.cpus != 0) spec->set_vcpus(f.cpus);
  if (!f.memory.empty()) {
    absl::StatusOr<uint64_t> bytes = ParseSize(f.memory);
    if (!bytes.ok()) return absl::InvalidArgumentError(absl::StrCat("--memory: ", bytes.status().message()));
    spec->set_memory_bytes(*bytes);
  }
  if (!f.kernel.empty() && !f.payload.empty()) {
    return absl::InvalidArgumentError("--kernel and --payload exclude each other");
  }
  if (f.payload.empty() && f.kernel.empty() && (!f.initrd.empty() || !f.cmdline.empty())) {
    return absl::InvalidArgumentError("--initrd and --cmdline need --kernel");
  }
  if (!f.payload.empty()) {
    if (!f.initrd.empty() || !f.cmdline.empty()) {
      return absl::InvalidArgumentError("--initrd and --cmdline apply to --kernel, not --payload");
    }
    spec->mutable_boot()->mutable_raw()->set_path(f.payload);
  } else if (!f.kernel.empty()) {
    v1::LinuxBoot* linux_boot = spec->mutable_boot()->mutable_linux();
    linux_boot->set_kernel_path(f.kernel);
    linux_boot->set_initrd_path(f.initrd);
    linux_boot->set_command_line(f.cmdline);
  }
  if (spec->boot().payload_case() == v1::Boot::PAYLOAD_NOT_SET) {
    return absl::InvalidArgumentError("--kernel or --payload is required");
  }
  if (!f.disks.empty()) spec->clear_disks();
  for (const std::string& d : f.disks) {
    absl::StatusOr<v1::Disk> disk = ParseDisk(d);
    if (!disk.ok()) return disk.status();
    *spec->add_disks() = *disk;
  }
  if (f.net || !f.mac.empty() || !f.forwards.empty()) spec->mutable_network();
  if (!f.mac.empty()) spec->mutable_network()->set_mac(f.mac);
  if (!f.forwards.empty()) spec->mutable_network()->clear_port_forwards();
  for (const std::string& text : f.forwards) {
    absl::StatusOr<v1::PortForward> fwd = ParseForward(text);
    if (!fwd.ok()) return fwd.status();
    *spec->mutable_network()->add_port_forwards() = *fwd;
  }
  if (!f.console.empty()) {
    spec->set_console(f.console == "virtio" ? v1::CONSOLE_DEVICE_VIRTIO_CONSOLE
                                            : v1::CONSOLE_DEVICE_PL011);
  }
  if (!f.on_reboot.empty()) {
    spec->set_on_reboot(f.on_reboot == "stop" ? v1::ON_REBOOT_STOP : v1::ON_REBOOT_RESTART);
  }
  for (const std::string& text : f.labels) {
    absl::StatusOr<std::pair<std::string, std::string>> kv = ParseLabel(text);
    if (!kv.ok()) return kv.status();
    (*spec->mutable_labels())[kv->first] = kv->second;
  }
  if (f.balloon) spec->mutable_balloon();
  request.set_request_id(f.request_id);
  request.set_start(f.start);
  return request;
}

struct AttachFlags {
  std::string detach_keys = "ctrl-]";
  bool read_only = false;
};

void AddAttachFlags(CLI::App* sub, AttachFlags* f, bool with_read_only) {
  sub->add_option("--detach-keys", f->detach_keys,
                  "key sequence that detaches, e.g. ctrl-p,ctrl-q (default ctrl-])");
  if (with_read_only) sub->add_flag("--read-only", f->read_only, "show output, send no input");
}

absl::StatusOr<AttachOptions> BuildAttachOptions(const AttachFlags& f) {
  absl::StatusOr<std::string> keys = ParseDetachKeys(f.detach_keys);
  if (!keys.ok()) return keys.status();
  AttachOptions options;
  options.detach_keys = *keys;
  options.detach_keys_text = f.detach_keys;
  options.read_only = f.read_only;
  return options;
}

absl::StatusOr<std::vector<v1::VmState>> ParseStates(const std::vector<std::string>& texts) {
  std::vector<v1::VmState> states;
  for (const std::string& t : texts) {
    absl::StatusOr<v1::VmState> s = ParseState(t);
    if (!s.ok()) return s.status();
    states.push_back(*s);
  }
  return states;
}

CLI::App* Verb(CLI::App& app, const std::string& name, const std::string& description,
               const std::string& examples) {
  CLI::App* sub = app.add_subcommand(name, description);
  sub->footer(absl::StrCat("\nExamples:\n", examples));
  return sub;
}

int Usage(const Io& io, const std::string& message) {
  *io.err << "vmctl: " << message << "\n";
  return kExitUsage;
}

}  // namespace

absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const HostAddress& host,
                                                           const TlsFiles& tls) {
  if (host.is_unix) {
    return grpc::CreateChannel(host.target, grpc::InsecureChannelCredentials());
  }
  if (tls.cert.empty() || tls.key.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "remote vmd ", host.display,
        " needs mutual TLS: pass --tls-cert and --tls-key (and --tls-ca for a private CA)"));
  }
  grpc::SslCredentialsOptions ssl;
  if (!tls.ca.empty()) {
    absl::StatusOr<std::string> ca = ReadFile(tls.ca, "--tls-ca");
    if (!ca.ok()) return ca.status();
    ssl.pem_root_certs = *ca;
  }
  absl::StatusOr<std::string> cert = ReadFile(tls.cert, "--tls-cert");
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadFile(tls.key, "--tls-key");
  if (!key.ok()) return key.status();
  ssl.pem_cert_chain = *cert;
  ssl.pem_private_key = *key;
  return grpc::CreateChannel(host.target, grpc::SslCredentials(ssl));
}

int RunVmctl(const std::vector<std::string>& args, const Io& io, const ChannelMaker& make_channel) {
  CLI::App app{"vmctl: manage arm64 virtual machines run by the vmd daemon"};
  app.name("vmctl");
  app.fallthrough();  // global flags may follow the verb: `vmctl ls --json`
  app.require_subcommand(1);
  std::string host_text;
  TlsFiles tls;
  bool json = false;
  app.add_option("--host", host_text,
                 "daemon address: unix:///path/vmd.sock or HOST:PORT (mutual TLS); default "
                 "$VMD_HOST, else /var/lib/vmd/vmd.sock (root) or ~/.local/state/vmd/vmd.sock");
  app.add_option("--tls-ca", tls.ca, "PEM CA bundle that signed vmd's certificate")
      ->envname("VMD_TLS_CA");
  app.add_option("--tls-cert", tls.cert, "PEM client certificate")->envname("VMD_TLS_CERT");
  app.add_option("--tls-key", tls.key, "PEM client private key")->envname("VMD_TLS_KEY");
  app.add_flag("--json", json, "machine-readable output: protobuf JSON of the API messages");

  std::string vm;
  auto add_vm = [&vm](CLI::App* sub) { sub->add_option("vm", vm, "VM name or id")->required(); };

  SpecFlags create_flags;
  CLI::App* create = Verb(app, "create", "register a new VM from flags or a JSON spec",
                          "  vmctl create web --kernel Image --initrd initrd.gz --cpus 2 --memory 1G \\\n"
                          "      --disk root.img,serial=root --net --forward tcp:8080:80\n"
                          "  vmctl create t1 --payload tests/guests/hello.bin --label ci=1\n"
                          "  vmctl create --from spec.json\n");
  AddSpecFlags(create, &create_flags, true);

  bool start_attach = false, start_paused = false;
  AttachFlags start_attach_flags;
  CLI::App* start = Verb(app, "start", "boot a created or stopped VM",
                         "  vmctl start web\n  vmctl start --attach web\n");
  add_vm(start);
  start->add_flag("-a,--attach", start_attach, "attach to the console once started");
  start->add_flag("--paused", start_paused, "start with the vCPUs paused at the reset state");
  AddAttachFlags(start, &start_attach_flags, false);

  bool stop_force = false, stop_no_wait = false;
  std::string stop_timeout;
  CLI::App* stop = Verb(app, "stop", "graceful stop: power button, then kill after a timeout",
                        "  vmctl stop web\n  vmctl stop --timeout 5s web\n  vmctl stop --force web\n");
  add_vm(stop);
  stop->add_flag("-f,--force", stop_force, "kill at once unless already off (= --timeout 0)");
  stop->add_option("-t,--timeout", stop_timeout, "how long the guest gets (default 30s)");
  stop->add_flag("--no-wait", stop_no_wait, "return once the VM is stopping");

  CLI::App* kill = Verb(app, "kill", "kill the VM at once", "  vmctl kill web\n");
  add_vm(kill);
  CLI::App* pause = Verb(app, "pause", "stop all vCPUs (devices keep state)", "  vmctl pause web\n");
  add_vm(pause);
  CLI::App* resume = Verb(app, "resume", "resume a paused VM", "  vmctl resume web\n");
  add_vm(resume);
  CLI::App* reset = Verb(app, "reset", "hard reset (fresh RAM, payload reloaded)",
                         "  vmctl reset web\n");
  add_vm(reset);

  bool rm_force = false;
  CLI::App* rm = Verb(app, "rm", "delete a VM and its state (never its disk images)",
                      "  vmctl rm web\n  vmctl rm --force web   # kill it first if running\n");
  add_vm(rm);
  rm->add_flag("-f,--force", rm_force, "kill the VM first if it is running");

  bool ls_all = false, ls_quiet = false;
  std::vector<std::string> ls_labels, ls_states;
  CLI::App* ls = Verb(app, "ls", "list VMs (all of them, stopped ones included)",
                      "  vmctl ls\n  vmctl ls --state running --label team=ci\n"
                      "  vmctl ls --json | jq -r '.vms[].name'\n");
  ls->alias("list");
  ls->add_flag("-a,--all", ls_all, "list every VM (the default; kept for habit)");
  ls->add_option("--label", ls_labels, "KEY=VALUE that must match; repeatable (AND)");
  ls->add_option("--state", ls_states, "only VMs in this state; repeatable (OR)");
  ls->add_flag("-q,--quiet", ls_quiet, "print names only");

  CLI::App* inspect = Verb(app, "inspect", "show a VM's spec and status",
                           "  vmctl inspect web\n  vmctl inspect --json web\n");
  add_vm(inspect);

  std::optional<uint32_t> regs_vcpu;
  bool regs_sys = false;
  CLI::App* regs = Verb(app, "regs", "show vCPU registers (a consistent snapshot)",
                        "  vmctl regs web\n  vmctl regs --vcpu 1 --sysregs web\n");
  add_vm(regs);
  regs->add_option("--vcpu", regs_vcpu, "only this vCPU index");
  regs->add_flag("--sysregs", regs_sys, "also the EL1 system and FP control registers");

  AttachFlags attach_flags;
  CLI::App* attach = Verb(app, "attach",
                          "interactive console: history replayed, then live (detach: Ctrl-])",
                          "  vmctl attach web\n  vmctl attach --detach-keys ctrl-p,ctrl-q web\n"
                          "  vmctl attach --read-only web\n");
  add_vm(attach);
  AddAttachFlags(attach, &attach_flags, true);

  bool logs_follow = false;
  std::optional<uint32_t> logs_tail;
  CLI::App* logs = Verb(app, "logs", "print the console log kept on disk",
                        "  vmctl logs web\n  vmctl logs -f --tail 20 web\n");
  add_vm(logs);
  logs->add_flag("-f,--follow", logs_follow, "keep printing live output until the VM stops");
  logs->add_option("--tail", logs_tail, "only the last N lines");

  std::optional<uint64_t> events_since;
  std::vector<std::string> events_vms;
  CLI::App* events = Verb(app, "events", "stream lifecycle events (until interrupted)",
                          "  vmctl events\n  vmctl events --since 0 --vm web\n"
                          "  vmctl events --json | jq .type\n");
  events->add_option("--since", events_since, "first replay kept events after this sequence");
  events->add_option("--vm", events_vms, "only this VM (name or id); repeatable");

  std::vector<std::string> wait_states;
  std::string wait_timeout;
  CLI::App* wait = Verb(app, "wait",
                        "block until the VM is in a state (default stopped); exit status says "
                        "how it stopped",
                        "  vmctl wait web && echo clean power-off\n"
                        "  vmctl wait --state running --timeout 30s web\n");
  add_vm(wait);
  wait->add_option("--state", wait_states, "state to wait for; repeatable (any of them)");
  wait->add_option("-t,--timeout", wait_timeout, "give up after this long (exit 9)");

  SpecFlags run_flags;
  AttachFlags run_attach_flags;
  bool run_rm = false;
  CLI::App* run = Verb(app, "run",
                       "create + start + attach; exit status says how the VM ended",
                       "  vmctl run --rm ci-1 --payload tests/guests/hello.bin </dev/null\n"
                       "  vmctl run dev --kernel Image --initrd initrd.gz --cmdline 'rdinit=/bin/sh'\n");
  AddSpecFlags(run, &run_flags, false);
  AddAttachFlags(run, &run_attach_flags, false);
  run->add_flag("--rm", run_rm, "delete the VM once it has stopped");

  std::string balloon_size;
  CLI::App* balloon = Verb(app, "balloon",
                           "show the balloon and the guest's memory statistics, or set how much "
                           "memory the balloon takes back",
                           "  vmctl balloon web\n  vmctl balloon web 256M   # give back 256 MiB\n"
                           "  vmctl balloon web 0      # deflate\n");
  add_vm(balloon);
  balloon->add_option("size", balloon_size, "balloon target (bytes, or with K/M/G suffix)");

  CLI::App* info = Verb(app, "info", "daemon version, backend and host limits", "  vmctl info\n");
  CLI::App* version = Verb(app, "version", "vmctl's and vmd's versions", "  vmctl version\n");

  // CLI11 would report an unknown verb as "a subcommand is required".
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--host" || a == "--tls-ca" || a == "--tls-cert" || a == "--tls-key") {
      ++i;  // its value
      continue;
    }
    if (a.empty() || a[0] == '-') continue;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->check_name(a);
    if (!known) {
      return Usage(io, absl::StrCat("unknown verb \"", a, "\" (see vmctl --help)"));
    }
    break;
  }
  std::vector<std::string> argv_storage = {"vmctl"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<const char*> argv;
  for (const std::string& a : argv_storage) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, *io.out, *io.err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, *io.out, *io.err);
  } catch (const CLI::ParseError& e) {
    return Usage(io, absl::StrCat(e.what(), " (see vmctl --help)"));
  }

  // Connect (lazily: gRPC dials on the first call, so a missing daemon shows
  // up as UNAVAILABLE there, with the verb's context).
  if (host_text.empty()) {
    host_text = DefaultHost(std::getenv("VMD_HOST"), geteuid(), std::getenv("HOME"));
  }
  absl::StatusOr<HostAddress> host = ParseHost(host_text);
  if (!host.ok()) return Usage(io, std::string(host.status().message()));
  absl::StatusOr<std::shared_ptr<grpc::Channel>> channel = make_channel(*host, tls);
  if (!channel.ok()) return Usage(io, std::string(channel.status().message()));
  Commands cmd(v1::Vmd::NewStub(*channel), io, json, host->display);

  if (create->parsed() || run->parsed()) {
    absl::StatusOr<v1::CreateVmRequest> request =
        BuildCreateRequest(create->parsed() ? create_flags : run_flags);
    if (!request.ok()) return Usage(io, std::string(request.status().message()));
    if (create->parsed()) return cmd.Create(*request);
    absl::StatusOr<AttachOptions> options = BuildAttachOptions(run_attach_flags);
    if (!options.ok()) return Usage(io, std::string(options.status().message()));
    return cmd.Run(*request, run_rm, *options);
  }
  if (start->parsed()) {
    absl::StatusOr<AttachOptions> options = BuildAttachOptions(start_attach_flags);
    if (!options.ok()) return Usage(io, std::string(options.status().message()));
    return cmd.Start(vm, start_paused, start_attach, *options);
  }
  if (stop->parsed()) {
    std::optional<absl::Duration> timeout;
    if (!stop_timeout.empty()) {
      absl::StatusOr<absl::Duration> d = ParseDuration(stop_timeout);
      if (!d.ok()) return Usage(io, absl::StrCat("--timeout: ", d.status().message()));
      timeout = *d;
    }
    if (stop_force) timeout = absl::ZeroDuration();
    return cmd.Stop(vm, timeout, stop_no_wait);
  }
  if (kill->parsed()) return cmd.Kill(vm);
  if (pause->parsed()) return cmd.Pause(vm);
  if (resume->parsed()) return cmd.Resume(vm);
  if (reset->parsed()) return cmd.Reset(vm);
  if (rm->parsed()) return cmd.Remove(vm, rm_force);
  if (balloon->parsed()) {
    std::optional<uint64_t> bytes;
    if (!balloon_size.empty()) {
      absl::StatusOr<uint64_t> b = ParseSize(balloon_size);
      if (!b.ok()) return Usage(io, absl::StrCat("size: ", b.status().message()));
      bytes = *b;
    }
    return cmd.Balloon(vm, bytes);
  }
  if (ls->parsed()) {
    v1::ListVmsRequest request;
    for (const std::string& text : ls_labels) {
      absl::StatusOr<std::pair<std::string, std::string>> kv = ParseLabel(text);
      if (!kv.ok()) return Usage(io, std::string(kv.status().message()));
      (*request.mutable_labels())[kv->first] = kv->second;
    }
    absl::StatusOr<std::vector<v1::VmState>> states = ParseStates(ls_states);
    if (!states.ok()) return Usage(io, std::string(states.status().message()));
    for (v1::VmState s : *states) request.add_states(s);
    return cmd.List(request, ls_quiet);
  }
  if (inspect->parsed()) return cmd.Inspect(vm);
  if (regs->parsed()) return cmd.Registers(vm, regs_vcpu, regs_sys);
  if (attach->parsed()) {
    absl::StatusOr<AttachOptions> options = BuildAttachOptions(attach_flags);
    if (!options.ok()) return Usage(io, std::string(options.status().message()));
    return cmd.Attach(vm, *options);
  }
  if (logs->parsed()) return cmd.Logs(vm, logs_follow, logs_tail);
  if (events->parsed()) return cmd.Events(events_since, events_vms);
  if (wait->parsed()) {
    absl::StatusOr<std::vector<v1::VmState>> states = ParseStates(wait_states);
    if (!states.ok()) return Usage(io, std::string(states.status().message()));
    std::optional<absl::Duration> timeout;
    if (!wait_timeout.empty()) {
      absl::StatusOr<absl::Duration> d = ParseDuration(wait_timeout);
      if (!d.ok()) return Usage(io, absl::StrCat("--timeout: ", d.status().message()));
      timeout = *d;
    }
    return cmd.Wait(vm, *states, timeout);
  }
  if (info->parsed()) return cmd.Info();
  if (version->parsed()) return cmd.Version();
  return Usage(io, "no verb given (see vmctl --help)");
}

}  // namespace vmd::vmctl
