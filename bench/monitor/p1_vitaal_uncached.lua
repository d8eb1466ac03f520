-- wrk script: /api/v1/data with a cache key that never repeats, so every request is built from the
-- database: indicator i % 50 and pageSize 8000..10000 (every variant returns the same 8,000 rows of
-- that indicator; only the pageSize field of the answer differs). Unique for 16 threads x 6,250 requests.
local threadCount = 0
function setup(thread)
  thread:set("tid", threadCount)
  threadCount = threadCount + 1
end
local counter = 0
function request()
  local n = counter * 16 + tid
  counter = counter + 1
  local ind = string.format("p1_ind_%02d", (n % 50) + 1)
  local pageSize = 8000 + (math.floor(n / 50) % 2001)
  return wrk.format("GET", "/api/v1/data?indicator=" .. ind .. "&pageSize=" .. pageSize)
end
