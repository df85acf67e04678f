parts = []
for i in range(300000):
    parts.append(f"pci/0000:08:00.0/{i}\n")
s = "".join(parts)
print(len(s))
