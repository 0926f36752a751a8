/* CPU benchmark payload: the crc workload of cpu_bench.h. */
#define BENCH_NAME "crc"
#define BENCH_RUN bench_crc
#include "cpu_bench.h"
