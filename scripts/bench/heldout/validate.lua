-- validating 30k SF specs with small helpers and early returns; errors counted by kind
local hx = "0123456789abcdef"
local function byte(b) return hx:sub(b // 16 + 1, b // 16 + 1) .. hx:sub(b % 16 + 1, b % 16 + 1) end
local function hex2(s)
    if #s ~= 2 then return false end
    for i = 1, #s do if not hx:find(s:sub(i, i), 1, true) then return false end end
    return true
end
local function check_mac(mac)
    local parts = {}
    for p in (mac .. ":"):gmatch("([^:]*):") do parts[#parts + 1] = p end
    if #parts ~= 6 then return "mac: " .. #parts .. " groups" end
    for _, p in ipairs(parts) do if not hex2(p) then return "mac: bad group" end end
    return nil
end
local function check_name(n)
    if n:sub(1, 2) ~= "en" then return "name: prefix" end
    if #n > 15 then return "name: too long" end
    return nil
end
local function check_rate(r)
    if r.share < 0 then return "rate: negative" end
    if r.max ~= 0 and r.share > r.max then return "rate: share above max" end
    return nil
end
local function check(r)
    local e = check_name(r.netdev)
    if e == nil then e = check_mac(r.mac) end
    if e == nil then e = check_rate(r) end
    return e
end
local counts = {ok = 0}
for i = 0, 29999 do
    local name = "en6s0pf0sf" .. i
    if i % 97 == 0 then name = "eth" .. i elseif i % 89 == 0 then name = name .. "abcdef" end
    local mac = "02:00:00:" .. byte(i // 256 % 256) .. ":" .. byte(i % 256) .. ":01"
    if i % 101 == 0 then mac = "02:00:00:" .. byte(i % 256) .. ":1" elseif i % 103 == 0 then mac = mac:gsub("02", "0g") end
    local e = check({netdev = name, mac = mac, share = i % 700 - 1, max = i % 13 * 100})
    if e == nil then e = "ok" end
    counts[e] = (counts[e] or 0) + 1
end
local ks = {}
for k in pairs(counts) do ks[#ks + 1] = k end
table.sort(ks)
for _, k in ipairs(ks) do print(k, counts[k]) end
