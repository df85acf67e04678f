xs = list(range(300000))
offset = 7
ys = list(map(lambda x: (x * 7919 + offset) % 100003, xs))
evens = list(filter(lambda y: y % 2 == 0, ys))
s = sorted(evens, key=lambda y: -y)
print(len(evens), s[0], s[-1])
