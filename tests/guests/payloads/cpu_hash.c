/* CPU benchmark payload: the hash workload of cpu_bench.h. */
#define BENCH_NAME "hash"
#define BENCH_RUN bench_hash
#include "cpu_bench.h"
