-- POST the request bodies of a file (one JSON body a line) to /graphql/, round robin, each thread from its
-- own offset. Counts non-2xx answers and 2xx answers that carry GraphQL errors; prints one JSON line.
-- With "fresh" after the file, every request says `Cache-Control: no-cache`: the app computes each answer
-- instead of serving it from its response cache.
-- wrk -s bench/wrk/bodies.lua http://127.0.0.1:PORT -- BODIES_FILE [fresh]
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local path = args[1]
  local headers = {["Content-Type"] = "application/json"}
  if args[2] == "fresh" then
    headers["Cache-Control"] = "no-cache"
  end
  requests = {}
  for line in io.lines(path) do
    if #line > 0 then
      table.insert(requests, wrk.format("POST", "/graphql/", headers, line))
    end
  end
  position = (id * 7919) % #requests
  non2xx = 0
  gqlerrors = 0
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif string.find(body, '"errors"', 1, true) then
    gqlerrors = gqlerrors + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total, gql_total = 0, 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    gql_total = gql_total + thread:get("gqlerrors")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_RESULT {"requests": %d, "duration_us": %d, "bytes": %d, "non2xx": %d, "graphql_errors": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, summary.bytes, non2xx_total, gql_total,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
