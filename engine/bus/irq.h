// The interrupt lines devices drive. The GIC implements InterruptSink; devices
// hold a pointer to it plus their INTID, so they never see a vCPU (ARCHITECTURE.md).
#ifndef VMD_ENGINE_BUS_IRQ_H_
#define VMD_ENGINE_BUS_IRQ_H_

#include <cstdint>

namespace vmd {

class InterruptSink {
 public:
  virtual ~InterruptSink() = default;
  // Drives shared peripheral interrupt `intid` (32..1019). A level-sensitive SPI
  // stays pending while the line is high; an edge-triggered one becomes pending
  // on a low→high transition. Thread-safe; callable from any thread.
  virtual void SetSpiLevel(uint32_t intid, bool level) = 0;
};

// One device's interrupt output: a sink plus the INTID it is wired to.
class IrqLine {
 public:
  IrqLine() = default;
  IrqLine(InterruptSink* sink, uint32_t intid) : sink_(sink), intid_(intid) {}
  void Set(bool level) const {
    if (sink_ != nullptr) sink_->SetSpiLevel(intid_, level);
  }
  uint32_t intid() const { return intid_; }

 private:
  InterruptSink* sink_ = nullptr;
  uint32_t intid_ = 0;
};

}  // namespace vmd

#endif  // VMD_ENGINE_BUS_IRQ_H_
