#!/usr/bin/env python3
"""Scores ensemble and guard variants of the default neural model on short series.

Reads the JSON lines ShortSeriesDump writes (a main under src/test: each network's forecasts from every
validation origin and from the end of the training part of monthly M3 series that are NOT in
bench/neural-accuracy.sh's sample) and prints, per variant, the MAE ratio to naive on the M3 test part
(mean, worst, series above 1.2x) and the mean sMAPE. Every variant chooses only on the validation part
(the last points of the training part); the test part is read only to score.

    python3 bench/short-series-guard.py dump1.jsonl [dump2.jsonl ...]
"""
import json
import statistics
import sys

SEASON = 12


def smape(a, f):
    return sum(200 * abs(x - y) / (abs(x) + abs(y)) if abs(x) + abs(y) > 0 else 0 for x, y in zip(a, f)) / len(a)


def mae(a, f):
    return sum(abs(x - y) for x, y in zip(a, f)) / len(a)


def base_value(series, end, k, base):
    return series[end - 1] if base == 'naive' else series[end - SEASON + k % SEASON]


def combine(members, how):
    """Per origin and step, the members' median or mean."""
    out = []
    for i in range(len(members[0])):
        row = []
        for k in range(len(members[0][i])):
            xs = [m[i][k] for m in members]
            row.append(statistics.median(xs) if how == 'median' else sum(xs) / len(xs))
        out.append(row)
    return out


def val_points(s, max_steps=None):
    """(origin, k, target) of every validation forecast whose target is in the training part."""
    n, v = len(s['train']), s['validation']
    pts = []
    for i in range(v):
        origin = n - v + i
        for k in range(len(s['forecasts'][0][0])):
            if origin + k < n and (max_steps is None or k < max_steps):
                pts.append((i, origin, k, s['train'][origin + k]))
    return pts


def val_mae(s, fc, base, weight, pts, per_step=False, damp=1.0):
    errs = {}
    for i, origin, k, target in pts:
        f = fc[i][k]
        if base is not None:
            b = base_value(s['train'], origin, k, base)
            f = b + weight * damp ** k * (f - b)
        errs.setdefault(k if per_step else 0, []).append(abs(target - f))
    return sum(sum(e) / len(e) for e in errs.values()) / len(errs)


def fit(s, fc, cap=1.0, margin=0.0, per_step=False, fixed=None, max_steps=None, damps=(1.0,)):
    """The (base, weight, damping) a guard variant picks on the validation part."""
    n, v, w = len(s['train']), s['validation'], s['window']
    bases = ['naive'] + (['seasonal_naive'] if w >= SEASON and n - v >= SEASON else [])
    pts = val_points(s, max_steps)
    best = None
    for base in bases:
        weights = [fixed] if fixed is not None else [g / 20 for g in range(20, -1, -1) if g / 20 <= cap + 1e-9]
        for damp in damps:
            for weight in weights:
                e = val_mae(s, fc, base, weight, pts, per_step, damp)
                if best is None or e < best[0]:
                    best = (e, base, weight, damp)
    if margin > 0:
        base_errs = [(val_mae(s, fc, b, 0.0, pts, per_step), b) for b in bases]
        e0, b0 = min(base_errs)
        if best[2] > 0 and best[0] > (1 - margin) * e0:
            best = (e0, b0, 0.0, 1.0)
    return best[1], best[2], best[3]


def test_forecast(s, fc, base, weight, damp=1.0):
    n = len(s['train'])
    f = fc[-1][:len(s['test'])]
    if base is None:
        return f
    return [base_value(s['train'], n, k, base) + weight * damp ** k * (x - base_value(s['train'], n, k, base))
            for k, x in enumerate(f)]


def main(files):
    series = [json.loads(line) for f in files for line in open(f) if line.strip()]
    variants = {
        'one network, no guard': dict(members=1, how='median', guard=None),
        'median of 3, no guard': dict(members=3, how='median', guard=None),
        'median of 3 + guard (current default)': dict(members=3, how='median', guard={}),
        'mean of 3 + guard': dict(members=3, how='mean', guard={}),
    }
    for cap in (0.9, 0.8, 0.7, 0.6, 0.5):
        variants[f'median of 3 + guard, weight <= {cap}'] = dict(members=3, how='median', guard=dict(cap=cap))
    for margin in (0.05, 0.1, 0.2, 0.3):
        variants[f'median of 3 + guard, baseline unless {margin:.0%} better'] = dict(
            members=3, how='median', guard=dict(margin=margin))
    for fixed in (0.5,):
        variants[f'median of 3, fixed weight {fixed} toward best base'] = dict(
            members=3, how='median', guard=dict(fixed=fixed))
    variants['median of 3 + guard, per-step MAE'] = dict(members=3, how='median', guard=dict(per_step=True))
    for cap in (0.8, 0.7, 0.6):
        for margin in (0.1, 0.2):
            variants[f'median of 3 + guard, weight <= {cap}, unless {margin:.0%} better'] = dict(
                members=3, how='median', guard=dict(cap=cap, margin=margin))
    variants['median of 3 + guard, damping fitted 1/0.95/0.9/0.8'] = dict(
        members=3, how='median', guard=dict(damps=(1.0, 0.95, 0.9, 0.8)))
    for d in (0.98, 0.97, 0.96):
        variants[f'median of 3, naive base w=1 (no fit), damping {d}'] = dict(
            members=3, how='median', guard=dict(damps=(d,), fixed=1.0))
    for d in (0.98, 0.96, 0.97, 0.95, 0.9):
        variants[f'median of 3 + guard, damping {d} always'] = dict(members=3, how='median', guard=dict(damps=(d,)))
        for cap in (0.9, 0.8):
            variants[f'median of 3 + guard, w <= {cap}, damping {d}'] = dict(
                members=3, how='median', guard=dict(damps=(d,), cap=cap))
    only = [x for x in sys.argv if x.startswith('--only=')]
    if only:
        keep = set(open(only[0][7:]).read().split())
        series = [s for s in series if s['id'] in keep]
    print(f'{len(series)} series: {" ".join(s["id"] for s in series)}')
    naive_smape = statistics.mean(smape(s['test'], [s['train'][-1]] * len(s['test'])) for s in series)
    print(f'naive: mean sMAPE {naive_smape:.2f}')
    print(f'{"variant":58s} {"mean r":>7s} {"median":>7s} {"worst":>7s} {">1.2":>5s} {">1.1":>5s} {"sMAPE":>6s}  worst series')
    for name, var in variants.items():
        ratios, smapes, picks = [], [], []
        for s in series:
            members = s['forecasts'][:var['members']]
            fc = combine(members, var['how'])
            base, weight, damp = (fit(s, fc, **var['guard']) if var['guard'] is not None else (None, 1.0, 1.0))
            f = test_forecast(s, fc, base, weight, damp)
            naive = [s['train'][-1]] * len(s['test'])
            ratios.append((mae(s['test'], f) / mae(s['test'], naive), s['id']))
            smapes.append(smape(s['test'], f))
        r = [x for x, _ in ratios]
        worst = sorted(ratios, reverse=True)[:3]
        print(f'{name:58s} {statistics.mean(r):7.3f} {statistics.median(r):7.3f} {max(r):7.3f}'
              f' {sum(x > 1.2 for x in r):5d} {sum(x > 1.1 for x in r):5d} {statistics.mean(smapes):6.2f}  '
              + ' '.join(f'{i} {x:.2f}' for x, i in worst))


if __name__ == '__main__':
    main([a for a in sys.argv[1:] if not a.startswith('--')])
