// The hypervisor seam: the one header the engine includes to run guest code.
// On an Apple arm64 host it is Apple's Hypervisor.framework; everywhere else it
// is our declaration of the same API (hypervisor.h), implemented by hv/soft.
#ifndef VMD_ENGINE_HV_HV_H_
#define VMD_ENGINE_HV_HV_H_

#if defined(__APPLE__) && defined(__aarch64__)
#include <Hypervisor/Hypervisor.h>
#define VMD_HV_BACKEND_NAME "hvf"
#else
#include "engine/hv/hypervisor.h"
#define VMD_HV_BACKEND_NAME "soft"
#endif

#endif  // VMD_ENGINE_HV_HV_H_
