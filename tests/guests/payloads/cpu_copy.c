/* CPU benchmark payload: the copy workload of cpu_bench.h. */
#define BENCH_NAME "copy"
#define BENCH_RUN bench_copy
#include "cpu_bench.h"
