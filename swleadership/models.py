"""Small workforce models behind the book's explorers.

Pure functions: no plotting, no file access, no widgets. Each checks its inputs and raises
:class:`ValueError` with a message that names the parameter and the range it must lie in, so
that an explorer can show that message to a reader instead of a traceback.

Career length (a constant annual leaving rate ``a``, counted in whole years)
    ``working_life(a) = 1 / a``
        Expected working life in years. If a share ``a`` of those still practising leave each
        year, the number of years a new entrant practises is geometric with mean ``1/a``.
    ``survival(a, t) = (1 - a) ** t``
        Share of an entry cohort still practising after ``t`` years.
    ``leaving_rate_for_life(L) = 1 / L``
        The reverse: the leaving rate that gives an expected working life of ``L`` years.
    ``replacement_demand(N, a) = N * a``
        New entrants needed each year to keep a workforce of ``N`` steady.
    ``median_years(a) = ln(0.5) / ln(1 - a)``
        Years after which half an entry cohort has left.

    Hand values: ``a = 0.125`` gives ``1/0.125 = 8`` years and
    ``S(8) = 0.875 ** 8 ≈ 0.344``.

Glass-escalator pipeline (illustrative; after Williams 1992)
    Level 0 is entry, with share ``f0`` of women. At each of ``k`` promotion steps men are
    promoted ``r`` times as often as women, so the share of women at the next level is
    ``f_{i+1} = f_i / (f_i + r * (1 - f_i))``.

    Hand values: ``f0 = 0.8, r = 2`` gives ``0.8 / (0.8 + 2*0.2) = 0.667`` and then
    ``0.667 / (0.667 + 2*0.333) = 0.5``; ``r = 1`` leaves ``f`` unchanged.
    Closed form: ``f_k = f0 / (f0 + r**k * (1 - f0))``, so the ratio that takes ``f0`` to a
    share ``fk`` in ``k`` steps is ``r = (f0 * (1 - fk) / (fk * (1 - f0))) ** (1 / k)``
    (``implied_ratio``). Hand value: ``f0 = 0.8, fk = 0.5, k = 2`` gives ``(0.8*0.5/(0.5*0.2))**0.5 = 2``.

Year-on-year change
    ``yoy_change(values)`` gives, for each value after the first, the change from the value
    before (absolute) and the percentage change ``100 * (v_t - v_{t-1}) / v_{t-1}``. A missing
    value (``None``/NaN, e.g. a suppressed figure) gives a missing change either side of it.

Allowed ranges (all checked):

========================  ===========================================
parameter                 allowed values
========================  ===========================================
``a`` leaving rate        a number with ``0 < a <= 1``
``t`` years               a number with ``0 <= t <= 100``
``L`` working life        a number with ``1 <= L <= 100`` years
``N`` workforce size      a whole number with ``0 <= N <= 10,000,000``
``f0`` entry share        a number with ``0 < f0 < 1``
``r`` promotion ratio     a number with ``0 < r <= 100``
``k`` promotion steps     a whole number from 0 to 10
========================  ===========================================
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Sequence

__all__ = [
    "N_MAX",
    "K_MAX",
    "R_MAX",
    "T_MAX",
    "L_MAX",
    "check_rate",
    "check_years",
    "check_workforce",
    "check_share",
    "check_ratio",
    "check_steps",
    "working_life",
    "survival",
    "survival_curve",
    "leaving_rate_for_life",
    "replacement_demand",
    "median_years",
    "pipeline",
    "implied_ratio",
    "yoy_change",
]

#: Largest workforce size the explorers accept (England has about 100,000 registered social workers).
N_MAX = 10_000_000
#: Largest number of promotion steps in the pipeline model.
K_MAX = 10
#: Largest promotion ratio ``r``.
R_MAX = 100.0
#: Longest horizon in years for survival curves.
T_MAX = 100
#: Longest expected working life in years.
L_MAX = 100.0


# --------------------------------------------------------------------------------------------
# Input checking
# --------------------------------------------------------------------------------------------

def _number(x, name: str, allowed: str) -> float:
    """Return ``x`` as a finite float, or raise ValueError naming ``name`` and ``allowed``."""
    if isinstance(x, bool) or x is None:
        raise ValueError(f"{name} must be {allowed}; got {x!r}.")
    if isinstance(x, str):
        text = x.strip().replace(",", "")
        if text.endswith("%"):
            raise ValueError(
                f"{name} must be {allowed}; got {x!r}. Type a plain number, without a % sign."
            )
        try:
            x = float(text)
        except ValueError:
            raise ValueError(f"{name} must be {allowed}; got {x!r}, which is not a number.") from None
    if not isinstance(x, numbers.Real):
        raise ValueError(f"{name} must be {allowed}; got {x!r}, which is not a number.")
    x = float(x)
    if not math.isfinite(x):
        raise ValueError(f"{name} must be {allowed}; got {x!r}.")
    return x


def check_rate(a, name: str = "leaving rate a") -> float:
    """Check an annual leaving rate: a number with ``0 < a <= 1`` (a share, not a percentage)."""
    allowed = "a share with 0 < a ≤ 1 (for example 0.125 for 12.5% a year)"
    v = _number(a, name, allowed)
    if not 0 < v <= 1:
        hint = " Did you type a percentage? Divide it by 100." if 1 < v <= 100 else ""
        raise ValueError(f"{name} must be {allowed}; got {a!r}.{hint}")
    return v


def check_years(t, name: str = "years t", low: float = 0.0, high: float = T_MAX) -> float:
    """Check a number of years ``low <= t <= high``."""
    allowed = f"a number of years from {low:g} to {high:g}"
    v = _number(t, name, allowed)
    if not low <= v <= high:
        raise ValueError(f"{name} must be {allowed}; got {t!r}.")
    return v


def check_workforce(n, name: str = "workforce size N") -> int:
    """Check a workforce size: a whole number with ``0 <= N <= N_MAX``."""
    allowed = f"a whole number from 0 to {N_MAX:,}"
    v = _number(n, name, allowed)
    if v != int(v):
        raise ValueError(f"{name} must be {allowed}; got {n!r}, which is not a whole number.")
    if v < 0:
        raise ValueError(f"{name} must be {allowed}; got {n!r}, which is negative.")
    if v > N_MAX:
        raise ValueError(f"{name} must be {allowed}; got {n!r}, which is too large.")
    return int(v)


def check_share(f, name: str = "entry share f0") -> float:
    """Check a share strictly between 0 and 1; the message uses the symbol at the end of ``name``."""
    allowed = f"a share with 0 < {name.split()[-1]} < 1 (for example 0.8 for 80%)"
    v = _number(f, name, allowed)
    if not 0 < v < 1:
        hint = " Did you type a percentage? Divide it by 100." if 1 < v <= 100 else ""
        raise ValueError(f"{name} must be {allowed}; got {f!r}.{hint}")
    return v


def check_ratio(r, name: str = "promotion ratio r") -> float:
    """Check the promotion ratio ``0 < r <= R_MAX``."""
    allowed = f"a number with 0 < r ≤ {R_MAX:g} (1 means men and women are promoted alike)"
    v = _number(r, name, allowed)
    if not 0 < v <= R_MAX:
        raise ValueError(f"{name} must be {allowed}; got {r!r}.")
    return v


def check_steps(k, name: str = "promotion steps k") -> int:
    """Check the number of promotion steps: a whole number from 0 to ``K_MAX``."""
    allowed = f"a whole number from 0 to {K_MAX}"
    v = _number(k, name, allowed)
    if v != int(v) or not 0 <= v <= K_MAX:
        raise ValueError(f"{name} must be {allowed}; got {k!r}.")
    return int(v)


# --------------------------------------------------------------------------------------------
# Career length: constant leaving rate
# --------------------------------------------------------------------------------------------

def working_life(a) -> float:
    """Expected working life in years, ``1 / a``, for a constant annual leaving rate ``a``.

    >>> working_life(0.125)
    8.0
    """
    return 1.0 / check_rate(a)


def survival(a, t) -> float:
    """Share of an entry cohort still practising after ``t`` years: ``S(t) = (1 - a) ** t``.

    >>> round(survival(0.125, 8), 3)
    0.344
    """
    a = check_rate(a)
    t = check_years(t)
    return (1.0 - a) ** t


def survival_curve(a, years: int = 40) -> list[float]:
    """``[S(0), S(1), ..., S(years)]`` for leaving rate ``a``."""
    a = check_rate(a)
    years = int(check_years(years, "horizon in years"))
    q = 1.0 - a
    out = [1.0]
    for _ in range(years):
        out.append(out[-1] * q)
    return out


def leaving_rate_for_life(L) -> float:
    """The constant leaving rate that gives an expected working life of ``L`` years: ``1 / L``.

    >>> leaving_rate_for_life(8)
    0.125
    """
    L = check_years(L, "working life L", low=1.0, high=L_MAX)
    return 1.0 / L


def replacement_demand(N, a) -> float:
    """New entrants a year that keep a workforce of ``N`` steady: ``N * a``.

    >>> replacement_demand(10_000, 0.125)
    1250.0
    """
    N = check_workforce(N)
    a = check_rate(a)
    return N * a


def median_years(a) -> float:
    """Years until half an entry cohort has left: ``ln(0.5) / ln(1 - a)`` (0 when ``a = 1``)."""
    a = check_rate(a)
    if a == 1.0:
        return 0.0
    return math.log(0.5) / math.log(1.0 - a)


# --------------------------------------------------------------------------------------------
# Glass-escalator pipeline (illustrative)
# --------------------------------------------------------------------------------------------

def pipeline(f0, r, k) -> list[float]:
    """Share of women at levels 0..k of an illustrative promotion pipeline.

    ``f_{i+1} = f_i / (f_i + r * (1 - f_i))``: at each step men are promoted ``r`` times as
    often as women. Returns ``[f0, f1, ..., fk]`` (``k + 1`` values).

    >>> [round(f, 3) for f in pipeline(0.8, 2, 2)]
    [0.8, 0.667, 0.5]
    """
    f = check_share(f0)
    r = check_ratio(r)
    k = check_steps(k)
    out = [f]
    for _ in range(k):
        f = f / (f + r * (1.0 - f))
        out.append(f)
    return out


def implied_ratio(f0, fk, k) -> float:
    """The promotion ratio ``r`` that takes a share ``f0`` at entry to ``fk`` after ``k`` steps.

    From the closed form ``f_k = f0 / (f0 + r**k (1 - f0))``:
    ``r = (f0 (1 - fk) / (fk (1 - f0))) ** (1 / k)``. Needs ``k >= 1``.

    >>> implied_ratio(0.8, 0.5, 2)
    2.0
    """
    f0 = check_share(f0)
    fk = check_share(fk, "top-level share fk")
    k = check_steps(k)
    if k == 0:
        raise ValueError("promotion steps k must be at least 1 to infer a ratio; got 0.")
    return (f0 * (1.0 - fk) / (fk * (1.0 - f0))) ** (1.0 / k)


# --------------------------------------------------------------------------------------------
# Year-on-year change
# --------------------------------------------------------------------------------------------

def _missing(v) -> bool:
    if v is None:
        return True
    try:
        return math.isnan(float(v))
    except (TypeError, ValueError):
        return True


def yoy_change(values: Iterable, percent: bool = False) -> list[float | None]:
    """Change from each value to the next, aligned with ``values`` (the first entry is ``None``).

    ``percent=False``: ``v_t - v_{t-1}``; ``percent=True``: ``100 * (v_t - v_{t-1}) / v_{t-1}``.
    A missing value (``None`` or NaN, e.g. a suppressed figure) makes the changes into and out of
    it ``None``; so does a zero base for a percentage change.

    >>> yoy_change([10, 12, None, 9])
    [None, 2.0, None, None]
    >>> yoy_change([10, 12, 9], percent=True)
    [None, 20.0, -25.0]
    """
    vals: Sequence = list(values)
    out: list[float | None] = [None] if vals else []
    for prev, cur in zip(vals, vals[1:], strict=False):
        if _missing(prev) or _missing(cur):
            out.append(None)
            continue
        prev, cur = float(prev), float(cur)
        if percent:
            out.append(None if prev == 0 else 100.0 * (cur - prev) / prev)
        else:
            out.append(cur - prev)
    return out
