-- wrk script: /api/v1/data for the 50 indicators in turn (all 8,000 rows each).
-- After the first 50 requests every answer comes from Vitaal's in-memory answer cache.
local counter = 0
function request()
  counter = counter + 1
  local ind = string.format("p1_ind_%02d", (counter % 50) + 1)
  return wrk.format("GET", "/api/v1/data?indicator=" .. ind .. "&pageSize=10000")
end
