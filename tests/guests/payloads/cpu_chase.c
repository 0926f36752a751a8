/* CPU benchmark payload: the chase workload of cpu_bench.h. */
#define BENCH_NAME "chase"
#define BENCH_RUN bench_chase
#include "cpu_bench.h"
