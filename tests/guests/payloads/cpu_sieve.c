/* CPU benchmark payload: the sieve workload of cpu_bench.h. */
#define BENCH_NAME "sieve"
#define BENCH_RUN bench_sieve
#include "cpu_bench.h"
