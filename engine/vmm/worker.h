// vmm in worker mode: the per-VM process vmd spawns. It reads the VM's spec from
// its directory, serves the internal vmd.worker service on vmm.sock there, keeps
// the console ring and console.log, and writes exit.json before it exits
// (DECISIONS.md "Daemon and workers"). Lives on after vmd itself exits.
#ifndef VMD_ENGINE_VMM_WORKER_H_
#define VMD_ENGINE_VMM_WORKER_H_

#include <string>

namespace vmd {

struct WorkerOptions {
  std::string vm_dir;   // $STATE/vms/<id>: spec.json in, vmm.sock/exit.json/console.log out
  bool start_paused = false;
};

// Runs the VM until it stops; returns the process exit status.
int RunWorker(const WorkerOptions& options);

}  // namespace vmd

#endif  // VMD_ENGINE_VMM_WORKER_H_
