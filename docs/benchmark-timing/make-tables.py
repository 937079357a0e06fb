# The 10-feature CSV tables the README's benchmark times were measured on: two classes from a noisy
# non-linear rule (a product, a sine, a square), 300 training and 300 test samples, seed 7.
import math
import random

random.seed(7)


def row():
    x = [random.gauss(0, 1) for _ in range(10)]
    s = x[0] * x[1] + 0.8 * math.sin(2 * x[2]) + 0.5 * x[3] - 0.3 * x[4] ** 2 + 0.3 + random.gauss(0, 0.3)
    return x, ('yes' if s > 0 else 'no')


for name, n in (('train', 300), ('test', 300)):
    with open(name + '.csv', 'w') as f:
        f.write(','.join(f'f{i}' for i in range(10)) + ',label\n')
        for _ in range(n):
            x, label = row()
            f.write(','.join(f'{v:.6f}' for v in x) + ',' + label + '\n')
