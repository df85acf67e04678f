import sys
sys.setrecursionlimit(20000)
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
total = 0
for i in range(300):
    total += depth(5000)
print(total)
