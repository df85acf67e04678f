total = 0
counts = {}
for i in range(1000):
    counts[i] = 0
for i in range(3000000):
    total += (i * 3 + 7) % 11
    counts[i % 1000] += 1
print(total, len(counts))
