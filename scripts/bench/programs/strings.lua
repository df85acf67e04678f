local lines = {}
for i = 0, 99999 do
  lines[#lines + 1] = "pci/0000:06:00.0/" .. i .. " tx_share " .. (i % 977) .. "mbit tx_max " .. (i % 9973) .. "mbit"
end
local out, total = {}, 0
for _, line in ipairs(lines) do
  local w = {}
  for part in string.gmatch(line, "[^ ]+") do w[#w + 1] = part end
  total = total + #w[3]
  out[#out + 1] = string.format("%-24s %12s %12s", w[1], w[3], w[5])
end
local text = table.concat(out, "\n")
print(#text, total, out[100000])
