-- POST /activities with a distinct requestId per request, spread over many customers (BENCH_ACTIVITY names it):
-- numbers 0 … 99,999 by default; BENCH_CUSTOMER_PREFIX and BENCH_CUSTOMERS name others ("m0" … on a loaded history).
dofile(os.getenv("BENCH_LIB") .. "/report.lua")
local run = os.getenv("BENCH_RUN")
local name = os.getenv("BENCH_ACTIVITY")
local prefix = os.getenv("BENCH_CUSTOMER_PREFIX")
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "100000")
local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end
local counter = 0
function init(args)
  wrk.method = "POST"
  wrk.path = "/api_gateway/v1/badges/activities"
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTH")
  wrk.headers["Content-Type"] = "application/json"
end
function request()
  counter = counter + 1
  local n = (counter * 7919 + tid) % customers
  local customer = prefix and string.format('"%s%d"', prefix, n) or string.format('%d', n)
  local body = string.format(
      '{"requestId":"%s-%d-%d","customerId":%s,"activity":"%s","attributes":{"amount":%d.5,"storeId":"S%d"}}',
      run, tid, counter, customer, name, counter % 90, counter % 7)
  return wrk.format(nil, nil, nil, body)
end
