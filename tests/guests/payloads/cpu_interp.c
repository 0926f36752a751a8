/* CPU benchmark payload: the interp workload of cpu_bench.h. */
#define BENCH_NAME "interp"
#define BENCH_RUN bench_interp
#include "cpu_bench.h"
