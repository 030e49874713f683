#!/usr/bin/env bash
# Neural accuracy benchmark, one command: bench/neural-accuracy.sh
#
# Trains the default spec (only the series given; MODELS adds other models, e.g. nbeats) through the
# service on the training part of:
#   - sunspots and airline passengers: all but the last 10%, then the last 10% is appended and scored one
#     step ahead with GET /evaluation (holdout = that 10%, horizon 1) beside naive and seasonal_naive;
#   - 20 monthly M3 series (every 70th monthly series in order of id: N1402, N1472, ...): the competition's
#     training part, then GET /forecast for the competition horizon (18) from its end, scored on the test part.
# Prints per series the neural and naive MAE, their ratio and sMAPE, the run's own metrics.vsNaive ratio
# (validation), its guard (shrinkage base n/s and weight, d: damping per step ahead, x networks) and its training time; then the mean
# sMAPE on the M3 sample for each model beside naive, seasonal_naive, theta (GET /forecast?method=theta; "n/a" when the service has no such method) and the M3
# competition's published THETA forecasts of the same series (m3_participants.csv).
#
# Environment: MODELS ("default": the spec with only the series; e.g. "default conv_lstm" adds a model), PORT (18086),
#              BENCH_DB (bench_neural, recreated), WORKERS (2), SKIP_BUILD (0: build the jar when missing),
#              DATA_DIR (../shared/data, or /work/shared/data), JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

MODELS=${MODELS:-default}
PORT=${PORT:-18086}
BENCH_DB=${BENCH_DB:-bench_neural}
WORKERS=${WORKERS:-2}
DATA_DIR=${DATA_DIR:-../shared/data}
[ -d "$DATA_DIR" ] || DATA_DIR=/work/shared/data
JAVA_OPTS=${JAVA_OPTS:-"-Xmx768m -Dorg.bytedeco.javacpp.maxbytes=768m -Dorg.bytedeco.javacpp.maxphysicalbytes=2500m"}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}

JAR=$(ls target/forecast-service-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$JAR" ] || [ "${SKIP_BUILD:-0}" != "1" ]; then
  ./mvnw -q -B -o -DskipTests package
  JAR=$(ls target/forecast-service-*.jar | grep -v plain | head -n 1)
fi

dropdb -h 127.0.0.1 -U postgres --if-exists --force "$BENCH_DB"
createdb -h 127.0.0.1 -U postgres "$BENCH_DB"

LOG=$(mktemp /tmp/bench-neural-accuracy.XXXXXX.log)
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$BENCH_DB" --forecast.worker.threads="$WORKERS" \
  --forecast.quota.max-active-runs=1000 --forecast.quota.train-submissions=1000 >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
wait_healthy "$BASE" "$PID" "$LOG" 180
echo "service up (log $LOG); models: $MODELS"

python3 - "$BASE" "$DATA_DIR" "$MODELS" <<'PY'
import csv, datetime, json, sys, time, urllib.error, urllib.request

base, data, models = sys.argv[1], sys.argv[2], sys.argv[3].split()


def call(method, path, body=None, ctype='application/json'):
    data_ = body.encode() if isinstance(body, str) else body
    req = urllib.request.Request(base + path, data=data_, method=method)
    if body is not None:
        req.add_header('Content-Type', ctype)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            return r.status, json.loads(r.read() or b'null')
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b'null')


def ok(status, answer):
    if status >= 300:
        raise SystemExit(f'HTTP {status}: {answer}')
    return answer


def smape(actual, forecast):
    return sum(200 * abs(a - f) / (abs(a) + abs(f)) if abs(a) + abs(f) > 0 else 0
               for a, f in zip(actual, forecast)) / len(actual)


def mae(actual, forecast):
    return sum(abs(a - f) for a, f in zip(actual, forecast)) / len(actual)


# --- the series -------------------------------------------------------------------------------
series = []  # dicts: name, kind (rolling | m3), ...
for name, path in (('sunspots', 'sunspots.csv'), ('airline', 'airline_passengers.csv')):
    lines = [l for l in open(f'{data}/{path}').read().splitlines() if l.strip()]
    header, rows = lines[0], lines[1:]
    hold = round(len(rows) * 0.1)
    series.append(dict(name=name, kind='rolling', head='\n'.join([header] + rows[:-hold]) + '\n',
                       tail='\n'.join([header] + rows[-hold:]) + '\n', hold=hold, n=len(rows) - hold))

m3 = {}
for r in csv.DictReader(open(f'{data}/m3/m3.csv')):
    if r['period'] != 'MONTHLY':
        continue
    s = m3.setdefault(r['id'], dict(train=[], test=[], year=int(r['start_year']), month=int(r['start_cycle'])))
    s[r['part']].append(float(r['value']))
ids = sorted(m3)[::70][:20]
published = {}
for r in csv.DictReader(open(f'{data}/m3/m3_participants.csv')):
    if r['method'] == 'THETA' and r['id'] in ids:
        published.setdefault(r['id'], {})[int(r['step'])] = float(r['forecast'])
for i in ids:
    s = m3[i]
    year = s['year'] if s['year'] >= 1800 else 1990
    series.append(dict(name=i, kind='m3', train=s['train'], test=s['test'], n=len(s['train']), hold=len(s['test']),
                       start=f'{year:04d}-{s["month"]:02d}-01',
                       theta_published=[published[i][k] for k in sorted(published.get(i, {}))]))

# --- upload and queue every run ---------------------------------------------------------------
for s in series:
    if s['kind'] == 'rolling':
        s['id'] = ok(*call('POST', f'/series?name={s["name"]}', s['head'], 'text/csv'))['id']
    else:
        s['id'] = ok(*call('POST', '/series', json.dumps(dict(name=s['name'], start=s['start'], frequency='MONTHLY',
                                                            values=s['train']))))['id']
    s['runs'] = {}
    for model in models:
        spec = {'series': s['id']} if model == 'default' else {'series': s['id'], 'model': model}
        s['runs'][model] = ok(*call('POST', '/train', json.dumps(spec)))['id']
print(f'{len(series)} series uploaded, {len(series) * len(models)} runs queued', flush=True)

started = time.time()
pending = {(s['name'], m): r for s in series for m, r in s['runs'].items()}
done = {}
while pending:
    time.sleep(5)
    for key, run in list(pending.items()):
        answer = ok(*call('GET', f'/runs/{run}'))
        if answer['status'] in ('SUCCEEDED', 'FAILED', 'CANCELLED'):
            done[key] = answer
            del pending[key]
            print(f'  {key[0]:9s} {key[1]:8s} run {run}: {answer["status"]} after {time.time() - started:.0f} s',
                  flush=True)


def seconds(run):
    p = lambda t: datetime.datetime.fromisoformat(t.replace('Z', '+00:00'))
    return (p(run['finishedAt']) - p(run['startedAt'])).total_seconds() if run.get('finishedAt') else float('nan')


# --- score -------------------------------------------------------------------------------------
for s in series:
    if s['kind'] == 'rolling':
        ok(*call('POST', f'/series/{s["id"]}/points', s['tail'], 'text/csv'))

print()
print(f'{"series":9s} {"model":8s} {"spec, guard":32s} {"n":>5s} {"test":>4s} {"MAE neural":>11s} {"naive":>9s} {"ratio":>6s}'
      f' {"sMAPE":>6s} {"naive":>6s} {"s.naive":>7s} {"theta":>6s} {"val ratio":>9s} {"train s":>7s}')
sums = {m: [] for m in models}
base_smapes = {'naive': [], 'seasonal_naive': [], 'theta': [], 'THETA (M3 published)': []}
ratios = {m: [] for m in models}
for s in series:
    for model in models:
        run = done[(s['name'], model)]
        spec = run['spec']
        desc = f'{spec["model"]} w{spec["window"]} u{spec["units"]} b{spec["batchSize"]}'
        vs = ((run.get('metrics') or {}).get('vsNaive') or {}).get('ratio')
        sh = (run.get('metrics') or {}).get('shrinkage')
        guard = (f'{"s" if sh["base"] == "seasonal_naive" else "n"}{sh["weight"]:.2f}' if sh else '-') + \
            (f'd{sh["damping"]:.2f}' if sh and sh.get('damping', 1) < 1 else '') + \
            f'x{(run.get("metrics") or {}).get("networks") or 1}'
        desc = f'{desc} {guard}'
        if run['status'] != 'SUCCEEDED':
            print(f'{s["name"]:9s} {model:8s} {desc:32s} {run["status"]}: {run.get("error")}')
            continue
        if s['kind'] == 'rolling':
            ev = ok(*call('GET', f'/evaluation?series={s["id"]}&holdout={s["hold"]}&horizon=1'
                                 f'&methods=neural,naive,seasonal_naive&run={run["id"]}'))
            res = {r['method']: r for r in ev['results']}
            nm, bm = res['neural']['mae'], res['naive']['mae']
            ns, bs, ss = res['neural']['smape'], res['naive']['smape'], res['seasonal_naive']['smape']
            th = 'n/a'
        else:
            def fc(method, extra=''):
                status, answer = call('GET', f'/forecast?series={s["id"]}&method={method}&horizon={s["hold"]}{extra}')
                return [p['v'] for p in answer['points']] if status == 200 else None
            neural = fc('neural', f'&run={run["id"]}')
            naive, snaive, theta = fc('naive'), fc('seasonal_naive'), fc('theta')
            nm, bm = mae(s['test'], neural), mae(s['test'], naive)
            ns, bs, ss = smape(s['test'], neural), smape(s['test'], naive), smape(s['test'], snaive)
            th = f'{smape(s["test"], theta):6.2f}' if theta else 'n/a'
            sums[model].append(ns)
            if model == models[0]:
                base_smapes['naive'].append(bs)
                base_smapes['seasonal_naive'].append(ss)
                if theta:
                    base_smapes['theta'].append(smape(s['test'], theta))
                if len(s['theta_published']) == s['hold']:
                    base_smapes['THETA (M3 published)'].append(smape(s['test'], s['theta_published']))
        ratios[model].append((s['name'], nm / bm))
        print(f'{s["name"]:9s} {model:8s} {desc:32s} {s["n"]:5d} {s["hold"]:4d} {nm:11.3f} {bm:9.3f} {nm / bm:6.3f}'
              f' {ns:6.2f} {bs:6.2f} {ss:7.2f} {th:>6s} {vs if vs is not None else "-":>9} {seconds(run):7.0f}')

print()
mean = lambda xs: sum(xs) / len(xs) if xs else float('nan')
for model in models:
    r = [x for _, x in ratios[model]]
    m3r = [x for name, x in ratios[model] if name.startswith('N')]
    worst = max(ratios[model], key=lambda t: t[1]) if ratios[model] else ('-', float('nan'))
    print(f'{model}: M3 mean sMAPE {mean(sums[model]):.2f} over {len(sums[model])} series; MAE ratio to naive: '
          f'sunspots {dict(ratios[model]).get("sunspots", float("nan")):.3f}, airline '
          f'{dict(ratios[model]).get("airline", float("nan")):.3f}, M3 mean {mean(m3r):.3f}; worst {worst[0]} '
          f'{worst[1]:.3f}; {sum(1 for x in r if x > 1.2)} series above 1.2x naive')
for name, xs in base_smapes.items():
    print(f'{name}: M3 mean sMAPE ' + (f'{mean(xs):.2f} over {len(xs)} series' if xs else 'n/a'))
for model in models:
    run = done[('sunspots', model)]
    print(f'{model}: sunspots run trained in {seconds(run):.0f} s (best epoch {(run.get("metrics") or {}).get("bestEpoch")})')
print(f'all runs finished in {time.time() - started:.0f} s')
PY
