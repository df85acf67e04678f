lines = []
for i in range(100000):
    lines.append(f"pci/0000:06:00.0/{i} tx_share {i % 977}mbit tx_max {i % 9973}mbit")
out = []
total = 0
for line in lines:
    w = line.split(" ")
    total += len(w[2])
    out.append(f"{w[0]:<24} {w[2]:>12} {w[4]:>12}")
text = "\n".join(out)
print(len(text), total, out[99999])
