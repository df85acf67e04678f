-- parsing a `devlink port show` text dump (20k ports, 3 lines each) into records, indexed by netdev
local states = {"active", "inactive"}
local lines = {}
for i = 0, 19999 do
    lines[#lines + 1] = "pci/0000:06:00.0/" .. 32768 + i .. ": type eth netdev en6s0pf0sf" .. i .. " flavour pcisf controller 0 pfnum 0 sfnum " .. i .. " splittable false"
    lines[#lines + 1] = "  function:"
    lines[#lines + 1] = "    hw_addr 02:00:00:00:" .. i % 100 .. ":" .. i % 7 .. " state " .. states[i % 2 + 1] .. " opstate attached"
end
local text = table.concat(lines, "\n")
local function pairs_(rec, w, i)
    while i + 1 <= #w do
        rec[w[i]] = w[i + 1]
        i = i + 2
    end
end
local ports, cur = {}, nil
for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    local w = {}
    for word in line:gmatch("%S+") do w[#w + 1] = word end
    if line:sub(1, 1) ~= " " then
        cur = {handle = w[1]:sub(1, -2)}
        ports[#ports + 1] = cur
        pairs_(cur, w, 2)
    elseif #w > 1 then
        pairs_(cur, w, 1)
    end
end
local byname = {}
for _, p in ipairs(ports) do byname[p.netdev] = p end
local active, total = 0, 0
for i = 0, 99999 do
    local p = byname["en6s0pf0sf" .. (i * 7919) % 20000]
    if p.state == "active" then
        active = active + 1
        total = total + math.tointeger(tonumber(p.sfnum))
    end
end
print(#ports, active, total, byname["en6s0pf0sf123"].hw_addr, byname["en6s0pf0sf77"].handle)
