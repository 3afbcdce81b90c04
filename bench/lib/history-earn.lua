-- POST /customer/earn on a loaded history (bench/history-bench): a distinct requestId per request, customers of
-- the heavy org ("m0" … "m<BENCH_CUSTOMERS-1>"), so most earns update an existing standing row.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
local badge = os.getenv("BENCH_BADGE")
local run = os.getenv("BENCH_RUN")
local customers = tonumber(os.getenv("BENCH_CUSTOMERS"))
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
function init(args)
  wrk.method = "POST"
  wrk.path = "/api_gateway/v1/badges/customer/earn"
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local body = string.format(
      '{"badgeMetaId":"%s","customerId":"m%d","requestId":"%s-%d-%d","triggeredBy":{"ownerType":"Loyalty","referenceId":"history"}}',
      badge, (counter * 7919 + tid * 104729) % customers, run, tid, counter)
  return wrk.format(nil, nil, nil, body)
end
