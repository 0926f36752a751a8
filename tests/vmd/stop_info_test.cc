// How a worker's end becomes the VM's StopInfo, and which events a worker
// state change produces (worker.proto ExitRecord comment, DECISIONS.md
// "Daemon and workers", vmd.proto EventType).
#include "daemon/stop_info.h"

#include <signal.h>
#include <sys/wait.h>

#include "gtest/gtest.h"

namespace vmd::daemon {
namespace {

worker::ExitRecord Record(v1::StopReason reason, const char* detail = "") {
  worker::ExitRecord r;
  r.set_reason(reason);
  r.set_detail(detail);
  return r;
}

TEST(DecideStopInfo, GuestPowerOffOnItsOwnStaysGuestPowerOff) {
  WorkerEnd end;
  end.record = Record(v1::STOP_REASON_GUEST_POWER_OFF);
  EXPECT_EQ(DecideStopInfo(end).reason(), v1::STOP_REASON_GUEST_POWER_OFF);
}

TEST(DecideStopInfo, GuestPowerOffAfterPowerButtonIsStopRequested) {
  WorkerEnd end;
  end.record = Record(v1::STOP_REASON_GUEST_POWER_OFF);
  end.intent = StopIntent::kPowerButton;
  EXPECT_EQ(DecideStopInfo(end).reason(), v1::STOP_REASON_STOP_REQUESTED);
}

TEST(DecideStopInfo, RecordOfForcedShutdownIsKept) {
  WorkerEnd end;
  end.record = Record(v1::STOP_REASON_STOP_FORCED, "the guest did not power off within 1s");
  end.intent = StopIntent::kForced;
  v1::StopInfo info = DecideStopInfo(end);
  EXPECT_EQ(info.reason(), v1::STOP_REASON_STOP_FORCED);
  EXPECT_EQ(info.detail(), "the guest did not power off within 1s");
}

TEST(DecideStopInfo, SigkillAfterTimeoutIsStopForcedNotACrash) {
  WorkerEnd end;
  end.intent = StopIntent::kForced;
  end.sigkilled_by_us = true;
  end.wait_status = SIGKILL;  // WIFSIGNALED with WTERMSIG 9
  EXPECT_EQ(DecideStopInfo(end).reason(), v1::STOP_REASON_STOP_FORCED);
}

TEST(DecideStopInfo, SigkillOnKillIsKilled) {
  WorkerEnd end;
  end.intent = StopIntent::kKilled;
  end.sigkilled_by_us = true;
  EXPECT_EQ(DecideStopInfo(end).reason(), v1::STOP_REASON_KILLED);
}

TEST(DecideStopInfo, ChildKilledBySignalWithoutRecordIsCrashWithSignal) {
  WorkerEnd end;
  end.wait_status = SIGSEGV;  // raw status of a child killed by SIGSEGV
  ASSERT_TRUE(WIFSIGNALED(*end.wait_status));
  v1::StopInfo info = DecideStopInfo(end);
  EXPECT_EQ(info.reason(), v1::STOP_REASON_WORKER_CRASHED);
  ASSERT_TRUE(info.has_signal());
  EXPECT_EQ(info.signal(), SIGSEGV);
  EXPECT_FALSE(info.has_exit_status());
}

TEST(DecideStopInfo, ChildExitedWithoutRecordIsCrashWithStatus) {
  WorkerEnd end;
  end.wait_status = 3 << 8;  // exit(3)
  ASSERT_TRUE(WIFEXITED(*end.wait_status));
  v1::StopInfo info = DecideStopInfo(end);
  EXPECT_EQ(info.reason(), v1::STOP_REASON_WORKER_CRASHED);
  ASSERT_TRUE(info.has_exit_status());
  EXPECT_EQ(info.exit_status(), 3);
}

TEST(DecideStopInfo, NotOurChildAndNoRecordIsExitStatusUnknown) {
  WorkerEnd end;
  v1::StopInfo info = DecideStopInfo(end);
  EXPECT_EQ(info.reason(), v1::STOP_REASON_WORKER_CRASHED);
  EXPECT_EQ(info.detail(), "worker crashed (exit status unknown)");
  EXPECT_FALSE(info.has_signal());
  EXPECT_FALSE(info.has_exit_status());
  EXPECT_TRUE(info.has_time());
}

worker::StateChange Change(v1::VmState state) {
  worker::StateChange c;
  c.set_state(state);
  return c;
}

TEST(EventsForChange, RunningAfterPausedIsResumed) {
  auto events = EventsForChange(v1::VM_STATE_PAUSED, Change(v1::VM_STATE_RUNNING));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), v1::EVENT_TYPE_RESUMED);
  EXPECT_EQ(events[0].state(), v1::VM_STATE_RUNNING);
}

TEST(EventsForChange, RunningAfterStartingIsRunning) {
  auto events = EventsForChange(v1::VM_STATE_STARTING, Change(v1::VM_STATE_RUNNING));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), v1::EVENT_TYPE_RUNNING);
}

TEST(EventsForChange, SameStateGivesNoEvent) {
  EXPECT_TRUE(EventsForChange(v1::VM_STATE_RUNNING, Change(v1::VM_STATE_RUNNING)).empty());
  EXPECT_TRUE(EventsForChange(v1::VM_STATE_STOPPING, Change(v1::VM_STATE_STOPPING)).empty());
}

TEST(EventsForChange, StoppedIsLeftToTheSupervisor) {
  EXPECT_TRUE(EventsForChange(v1::VM_STATE_RUNNING, Change(v1::VM_STATE_STOPPED)).empty());
}

TEST(EventsForChange, ResetKeepsStateAndNamesSource) {
  worker::StateChange c = Change(v1::VM_STATE_PAUSED);
  c.set_reset_source(v1::RESET_SOURCE_REQUEST);
  auto events = EventsForChange(v1::VM_STATE_PAUSED, c);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].type(), v1::EVENT_TYPE_RESET);
  EXPECT_EQ(events[0].state(), v1::VM_STATE_PAUSED);
  EXPECT_EQ(events[0].reset_source(), v1::RESET_SOURCE_REQUEST);
}

TEST(EventsForChange, PausedAndStopping) {
  auto p = EventsForChange(v1::VM_STATE_RUNNING, Change(v1::VM_STATE_PAUSED));
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].type(), v1::EVENT_TYPE_PAUSED);
  auto s = EventsForChange(v1::VM_STATE_RUNNING, Change(v1::VM_STATE_STOPPING));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].type(), v1::EVENT_TYPE_STOPPING);
}

}  // namespace
}  // namespace vmd::daemon
