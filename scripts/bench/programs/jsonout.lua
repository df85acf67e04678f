-- Lua has no JSON library: a small encoder for the value shapes used here (ordered keys per record)
local function quote(s) return '"' .. s:gsub('[%c"\\]', function(c) return string.format("\\u%04x", c:byte()) end) .. '"' end
local function record(p)
  return '{"index":' .. p.index .. ',"flavour":' .. quote(p.flavour) .. ',"sfnum":' .. p.sfnum ..
         ',"active":' .. tostring(p.active) .. ',"netdev":' .. quote(p.netdev) .. '}'
end
local ports = {}
for i = 0, 49999 do
  ports[#ports + 1] = {index = i, flavour = "pcisf", sfnum = i + 88, active = i % 2 == 0, netdev = "en6s0pf0sf" .. i}
end
local parts = {}
for i, p in ipairs(ports) do parts[i] = record(p) end
local text = '{"ports":[' .. table.concat(parts, ",") .. ']}'
print(#text)
