// The AttachConsole reactor (console_proxy.h). Threads: gRPC's callback
// threads run the reactions (client reads, write completions, cancel); one
// `output` thread reads the worker's stream and queues what it gets for the
// client; one `input` thread writes the client's input to the worker. The
// call ends with OK when the worker's stream ends (the VM stopped), with the
// protocol error when the client broke the protocol, and CANCELLED only when
// the client went away.
#include "daemon/console_proxy.h"

#include <deque>
#include <thread>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"

namespace vmd::daemon {
namespace {

// Output messages buffered for a slow client before the worker is throttled.
constexpr size_t kMaxQueued = 256;

class ConsoleProxy final
    : public grpc::ServerBidiReactor<v1::AttachConsoleRequest, v1::ConsoleOutput> {
 public:
  explicit ConsoleProxy(ConsoleResolver resolve) : resolve_(std::move(resolve)) {
    StartRead(&req_);
  }

  void OnReadDone(bool ok) override {
    bool attached;
    {
      absl::MutexLock lock(&mu_);
      attached = attached_;
    }
    if (!attached) {
      if (!ok) return FinishNow(grpc::Status::OK);  // left before attaching
      if (req_.kind_case() != v1::AttachConsoleRequest::kAttach) {
        return FinishNow(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                      "the first message must be `attach`"));
      }
      attach_ = req_.attach();
      ConsoleTarget target = resolve_(attach_);
      if (!target.status.ok()) return FinishNow(target.status);
      {
        absl::MutexLock lock(&mu_);
        attached_ = true;
      }
      // The input thread first: the output thread joins it.
      input_ = std::thread([this] { PumpInput(); });
      output_ = std::thread([this, target] { PumpOutput(target); });
      StartRead(&req_);
      return;
    }
    absl::MutexLock lock(&mu_);
    if (!ok) {  // the client half-closed (or the call is over)
      input_closed_ = true;
      return;
    }
    grpc::Status error = grpc::Status::OK;
    if (req_.kind_case() == v1::AttachConsoleRequest::kAttach) {
      error = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "a second `attach`");
    } else if (attach_.read_only()) {
      error = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION, "input sent on a read-only attach");
    }
    if (!error.ok()) {
      // End the worker's stream; the output thread then finishes the call
      // with this status.
      protocol_error_ = error;
      input_closed_ = true;
      wctx_.TryCancel();
      return;
    }
    pending_input_.push_back(req_.input());
    if (!client_gone_ && !finish_pending_) StartRead(&req_);
  }

  void OnWriteDone(bool ok) override {
    bool finish = false;
    const v1::ConsoleOutput* next = nullptr;
    {
      absl::MutexLock lock(&mu_);
      queue_.pop_front();
      if (!ok) {  // the client is gone
        client_gone_ = true;
        queue_.clear();
        wctx_.TryCancel();
      }
      if (!queue_.empty()) {
        next = &queue_.front();
      } else {
        writing_ = false;
        finish = finish_pending_;
      }
    }
    if (next != nullptr) StartWrite(next);
    if (finish) FinishNow(finish_status_);
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    client_gone_ = true;
    input_closed_ = true;
    if (attached_) wctx_.TryCancel();
  }

  void OnDone() override {
    if (output_.joinable()) output_.join();
    if (input_.joinable()) input_.join();
    delete this;
  }

 private:
  void FinishNow(const grpc::Status& status) {
    bool expected = false;
    if (finished_.compare_exchange_strong(expected, true)) Finish(status);
  }

  bool CanQueue() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return client_gone_ || queue_.size() < kMaxQueued;
  }
  bool InputReady() const ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return output_done_ || (stream_ready_ && (!pending_input_.empty() || input_closed_));
  }

  // The output thread: opens the worker's stream, relays its messages to
  // the client, and once it ends finishes the call after the queue drains.
  void PumpOutput(const ConsoleTarget& target) {
    stream_ = target.stub->Console(&wctx_);
    worker::ConsoleRequest open;
    open.mutable_open()->set_read_only(attach_.read_only());
    open.mutable_open()->set_history_bytes(target.history_bytes);
    const bool opened = stream_->Write(open);
    {
      absl::MutexLock lock(&mu_);
      stream_ready_ = true;
    }
    v1::ConsoleOutput out;
    while (opened && stream_->Read(&out)) {
      const v1::ConsoleOutput* first = nullptr;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(this, &ConsoleProxy::CanQueue));
        if (client_gone_) break;
        queue_.push_back(std::move(out));
        if (!writing_) {
          writing_ = true;
          first = &queue_.front();
        }
      }
      if (first != nullptr) StartWrite(first);
    }
    // The worker's stream is over: stop the input thread before Finish.
    {
      absl::MutexLock lock(&mu_);
      output_done_ = true;
    }
    if (input_.joinable()) input_.join();
    const grpc::Status worker_status = stream_->Finish();
    grpc::Status status = grpc::Status::OK;
    if (!opened) {
      status = grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                            "vm \"" + attach_.vm() + "\": the worker's console is gone");
    }
    bool finish = false;
    {
      absl::MutexLock lock(&mu_);
      if (!protocol_error_.ok()) status = protocol_error_;
      if (client_gone_) status = grpc::Status::CANCELLED;
      (void)worker_status;  // ended because the VM stopped or we cancelled it
      finish_status_ = status;
      finish_pending_ = true;
      finish = !writing_;
    }
    if (finish) FinishNow(status);
  }

  // The input thread: client input to the worker, in order.
  void PumpInput() {
    for (;;) {
      std::string data;
      {
        absl::MutexLock lock(&mu_);
        mu_.Await(absl::Condition(this, &ConsoleProxy::InputReady));
        if (output_done_) return;
        if (pending_input_.empty()) break;  // half-closed and drained
        data = std::move(pending_input_.front());
        pending_input_.pop_front();
      }
      worker::ConsoleRequest in;
      in.set_input(std::move(data));
      if (!stream_->Write(in)) return;
    }
    stream_->WritesDone();
  }

  const ConsoleResolver resolve_;
  v1::AttachConsoleRequest req_;  // the read in flight (reaction threads only)
  v1::ConsoleAttach attach_;      // set before the threads start
  grpc::ClientContext wctx_;      // thread-safe TryCancel
  std::unique_ptr<grpc::ClientReaderWriter<worker::ConsoleRequest, v1::ConsoleOutput>> stream_;
  std::thread output_, input_;
  std::atomic<bool> finished_{false};

  absl::Mutex mu_;
  std::deque<v1::ConsoleOutput> queue_ ABSL_GUARDED_BY(mu_);  // front: being written
  std::deque<std::string> pending_input_ ABSL_GUARDED_BY(mu_);
  bool attached_ ABSL_GUARDED_BY(mu_) = false;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool stream_ready_ ABSL_GUARDED_BY(mu_) = false;
  bool input_closed_ ABSL_GUARDED_BY(mu_) = false;
  bool output_done_ ABSL_GUARDED_BY(mu_) = false;
  bool client_gone_ ABSL_GUARDED_BY(mu_) = false;
  bool finish_pending_ ABSL_GUARDED_BY(mu_) = false;
  grpc::Status finish_status_ ABSL_GUARDED_BY(mu_);
  grpc::Status protocol_error_ ABSL_GUARDED_BY(mu_) = grpc::Status::OK;
};

}  // namespace

grpc::ServerBidiReactor<v1::AttachConsoleRequest, v1::ConsoleOutput>* StartConsoleProxy(
    ConsoleResolver resolve) {
  return new ConsoleProxy(std::move(resolve));
}

}  // namespace vmd::daemon
