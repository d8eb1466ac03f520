-- wrk script: datasette, the same SQL for the 50 indicators in turn (named parameter :ind).
-- DATASETTE_PATH is the URL-encoded "/vitaal.json?sql=...&_shape=array" prefix.
local base = os.getenv("DATASETTE_PATH")
local counter = 0
function request()
  counter = counter + 1
  local ind = string.format("p1_ind_%02d", (counter % 50) + 1)
  return wrk.format("GET", base .. "&ind=" .. ind)
end
