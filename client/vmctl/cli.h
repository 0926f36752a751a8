// vmctl's command line: parses argv (CLI11), connects to vmd and runs one verb
// from commands.h. main.cc calls RunVmctl with the real channel maker; tests
// call it with a channel to an in-process fake vmd.
#ifndef VMD_CLIENT_VMCTL_CLI_H_
#define VMD_CLIENT_VMCTL_CLI_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "client/vmctl/commands.h"
#include "client/vmctl/parse.h"
#include "grpcpp/channel.h"

namespace vmd::vmctl {

struct TlsFiles {
  std::string ca, cert, key;  // PEM file paths; empty = not given
};

using ChannelMaker = std::function<absl::StatusOr<std::shared_ptr<grpc::Channel>>(
    const HostAddress& host, const TlsFiles& tls)>;

// A plaintext channel for unix sockets; mutual TLS for TCP (cert and key
// required, CA optional: the system roots otherwise).
absl::StatusOr<std::shared_ptr<grpc::Channel>> MakeChannel(const HostAddress& host,
                                                           const TlsFiles& tls);

// `args` excludes the program name. Returns the exit status (exit_codes.h).
int RunVmctl(const std::vector<std::string>& args, const Io& io, const ChannelMaker& make_channel);

}  // namespace vmd::vmctl

#endif  // VMD_CLIENT_VMCTL_CLI_H_
