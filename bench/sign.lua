-- wrk: every request signs the Joint Call with a new address (see bench/signing.py).
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  origin = os.getenv("ORIGIN")
  prefix = os.getenv("RUN_ID") .. "-" .. id
  counter = 0
end

function request()
  counter = counter + 1
  local body = "kind=individual&name=Bench+Signer&country=BE&consent=on"
    .. "&email=bench-" .. prefix .. "-" .. counter .. "%40example.eu"
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    -- A browser says where the form was sent from (home.views.sent_from_this_site).
    ["Origin"] = origin,
  }, body)
end
