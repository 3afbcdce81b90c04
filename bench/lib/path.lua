-- GET of any path (BENCH_PATH, relative to the API root): the customer views.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
wrk.path = "/api_gateway/v1/badges/" .. os.getenv("BENCH_PATH")
