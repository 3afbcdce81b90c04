-- GET /badgeMeta/{id}: the stack's baseline (auth, JAX-RS, one primary-key read, JSON out).
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
wrk.path = "/api_gateway/v1/badges/badgeMeta/" .. os.getenv("BENCH_BADGE")
