"""JMH's statistics of a run's iteration scores: the mean, the half-width of its 99.9% confidence
interval by Student's t (NaN for two iterations or fewer, as JMH writes it), and its percentiles."""

import math

CONFIDENCE = 0.999
PERCENTILES = (0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0)


def mean(values):
    return sum(values) / len(values)


def standard_deviation(values):
    """The sample standard deviation (n - 1), as JMH's statistics compute it."""
    average = mean(values)
    return math.sqrt(sum((value - average) ** 2 for value in values) / (len(values) - 1))


def mean_error(values, confidence=CONFIDENCE):
    """t(1 - (1 - confidence) / 2, n - 1) x s / sqrt(n); NaN for n <= 2, as JMH."""
    count = len(values)
    if count <= 2:
        return float("nan")
    quantile = t_quantile(1 - (1 - confidence) / 2, count - 1)
    return quantile * standard_deviation(values) / math.sqrt(count)


def percentile(values, rank):
    """Apache Commons Math's default estimate, which JMH uses: position rank * (n + 1) / 100, interpolated."""
    ordered = sorted(values)
    count = len(ordered)
    if count == 1:
        return ordered[0]
    position = rank * (count + 1) / 100
    if position < 1:
        return ordered[0]
    if position >= count:
        return ordered[-1]
    lower = math.floor(position)
    return ordered[lower - 1] + (position - lower) * (ordered[lower] - ordered[lower - 1])


def t_cdf(t, dof):
    """Student's t distribution with ``dof`` degrees of freedom, P(T <= t)."""
    x = dof / (dof + t * t)
    tail = 0.5 * _incomplete_beta(dof / 2, 0.5, x)
    return 1 - tail if t > 0 else tail


def t_quantile(probability, dof):
    """The t with P(T <= t) = probability, by bisection on the distribution (probability > 0.5)."""
    low, high = 0.0, 1.0
    while t_cdf(high, dof) < probability:
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if t_cdf(middle, dof) < probability:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _incomplete_beta(a, b, x):
    """The regularized incomplete beta function I_x(a, b), by its continued fraction."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return front * _fraction(a, b, x) / a
    return 1 - front * _fraction(b, a, 1 - x) / b


def _fraction(a, b, x):
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 1000):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + numerator * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1) < 1e-15:
            break
    return result
