-- POST /customer/earn with a distinct requestId per request, spread over many customers: numbers 0 … 99,999 by
-- default; BENCH_CUSTOMER_PREFIX and BENCH_CUSTOMERS name others ("m0" … on a loaded history), BENCH_REFERENCE the
-- claim's referenceId (default "bench").
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
local badge = os.getenv("BENCH_BADGE")
local run = os.getenv("BENCH_RUN")
local prefix = os.getenv("BENCH_CUSTOMER_PREFIX")
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "100000")
local reference = os.getenv("BENCH_REFERENCE") or "bench"
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
  local n = (counter * 7919 + tid) % customers
  local customer = prefix and string.format('"%s%d"', prefix, n) or string.format('%d', n)
  local body = string.format(
      '{"badgeMetaId":"%s","customerId":%s,"requestId":"%s-%d-%d","triggeredBy":{"ownerType":"Loyalty","referenceId":"%s"}}',
      badge, customer, run, tid, counter, reference)
  return wrk.format(nil, nil, nil, body)
end
