-- GET of the ceiling WAR's constant badge answer (bench/ceiling): JAX-RS on the same Payara Micro, nothing else.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
wrk.method = "GET"
wrk.path = "/ceiling/badgeMeta/" .. os.getenv("BENCH_BADGE")
