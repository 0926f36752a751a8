// AttachConsole as a gRPC callback reactor: the client's bidirectional stream
// proxied to the VM worker's Console stream. A reactor (not a synchronous
// handler) so the call can end with OK the moment the worker's stream ends
// (the VM stopped), even while the client still has a read outstanding; a
// synchronous handler could only get out of its blocked Read by cancelling
// the call. Used by VmdService (vmd_service_streams.cc).
#ifndef VMD_DAEMON_CONSOLE_PROXY_H_
#define VMD_DAEMON_CONSOLE_PROXY_H_

#include <memory>

#include <grpcpp/grpcpp.h>

#include "vmd/v1/vmd.grpc.pb.h"
#include "vmd/worker/worker.grpc.pb.h"

namespace vmd::daemon {

// What the proxy needs once the first `attach` message names a VM: the
// worker stub and the history size to ask for, or the error to end with.
struct ConsoleTarget {
  grpc::Status status;
  std::shared_ptr<worker::Worker::Stub> stub;
  uint64_t history_bytes = 0;
};
using ConsoleResolver = std::function<ConsoleTarget(const v1::ConsoleAttach&)>;

// Starts the reactor for one call; it deletes itself when the call is done.
grpc::ServerBidiReactor<v1::AttachConsoleRequest, v1::ConsoleOutput>* StartConsoleProxy(
    ConsoleResolver resolve);

}  // namespace vmd::daemon

#endif  // VMD_DAEMON_CONSOLE_PROXY_H_
