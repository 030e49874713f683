// Training: the form for a new run, the runs of a series with live progress, one run's curves.
import { api, showProblem, el, num } from './api.js';
import { CurveChart, RangeChart } from './charts.js';

const $ = (selector) => document.querySelector(selector);

const POLL_MS = 1500;
const ACTIVE = new Set(['QUEUED', 'RUNNING']);

export class Training {
	constructor({ onRunsChanged, onRunShown }) {
		this.onRunsChanged = onRunsChanged;
		this.onRunShown = onRunShown;
		this.series = null;
		this.runs = [];
		this.run = null;
		this.timer = null;
		this.generation = 0;
		this.curveChart = new CurveChart($('#curve-chart'));
		this.rangeChart = new RangeChart($('#range-chart'));
		this.form = $('#train-form');
		this.form.addEventListener('submit', (event) => {
			event.preventDefault();
			this.submit();
		});
		$('#train-reset').addEventListener('click', () => this.form.reset());
		$('#run-cancel').addEventListener('click', () => this.cancel());
		$('#run-delete').addEventListener('click', () => this.remove());
	}

	/** Shows {@code series}' runs and, when given, its run {@code runId}. */
	async setSeries(series, runId) {
		this.series = series;
		this.runs = [];
		this.showRun(null);
		this.renderRuns();
		showProblem($('#train-problem'), null);
		if (series && runId) {
			try {
				const run = await api(`/runs/${runId}`);
				if (run.series === series.id) {
					this.showRun(run);
				}
			}
			catch (error) {
				showProblem($('#run-problem'), error);
			}
		}
		if (series) {
			await this.refresh();
		}
	}

	/** The request from the form: blank fields are left out so that the server's defaults apply. */
	request() {
		const body = { series: this.series.id };
		for (const input of this.form.elements) {
			if (!input.name || input.name === 'schedule.params') {
				continue;
			}
			let value;
			if (input.type === 'checkbox') {
				value = input.checked;
			}
			else if (input.value.trim() === '') {
				continue;
			}
			else if (input.type === 'number') {
				value = Number(input.value);
			}
			else {
				value = input.value;
			}
			const path = input.name.split('.');
			let target = body;
			for (const part of path.slice(0, -1)) {
				target = target[part] ??= {};
			}
			target[path[path.length - 1]] = value;
		}
		const extra = this.form.elements['schedule.params'].value.trim();
		if (extra) {
			let parsed;
			try {
				parsed = JSON.parse(extra);
			}
			catch (ex) {
				throw Object.assign(new Error(ex.message), {
					title: 'Schedule parameters are not JSON',
					errors: [{ field: 'schedule', message: 'write an object such as {"factor": 0.5, "patience": 5}' }],
				});
			}
			if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
				throw Object.assign(new Error('Write an object such as {"factor": 0.5, "patience": 5}.'),
					{ title: 'Schedule parameters must be a JSON object' });
			}
			Object.assign(body.schedule ??= {}, parsed);
		}
		return body;
	}

	async submit() {
		if (!this.series) {
			return;
		}
		showProblem($('#train-problem'), null);
		try {
			const run = await api('/train', { method: 'POST', body: this.request() });
			this.showRun(run);
			await this.refresh();
		}
		catch (error) {
			showProblem($('#train-problem'), error);
		}
	}

	/** Reads the runs (and the shown run) again; polls while anything is queued or running. */
	async refresh() {
		clearTimeout(this.timer);
		const generation = ++this.generation;
		const series = this.series;
		if (!series) {
			return;
		}
		try {
			const answer = await api(`/runs?series=${series.id}`);
			if (this.series !== series) {
				return;
			}
			this.runs = answer.items;
			showProblem($('#runs-problem'), null);
			if (this.run) {
				const fresh = await api(`/runs/${this.run.id}`);
				if (this.run && this.run.id === fresh.id) {
					this.showRun(fresh);
				}
			}
		}
		catch (error) {
			if (error.status === 404 && this.run) {
				this.showRun(null);
			}
			else {
				showProblem($('#runs-problem'), error);
			}
		}
		this.renderRuns();
		this.onRunsChanged(this.runs);
		if (generation !== this.generation) {
			return; // a newer refresh is under way and schedules the next poll
		}
		if (this.runs.some((r) => ACTIVE.has(r.status)) || (this.run && ACTIVE.has(this.run.status))) {
			this.timer = setTimeout(() => this.refresh(), POLL_MS);
		}
	}

	renderRuns() {
		const body = $('#runs tbody');
		body.replaceChildren(...this.runs.map((run) => {
			const { epoch = 0, epochs = 0, networks, networksDone = 0 } = run.progress || {};
			const row = el('tr', { 'data-run': run.id, class: this.run?.id === run.id ? 'selected' : null },
				el('td', {}, el('button', { type: 'button', class: 'link' }, `#${run.id}`)),
				el('td', {}, status(run.status)),
				el('td', {}, run.spec?.model ?? ''),
				el('td', {}, el('progress', { max: epochs || 1, value: epoch }), ` ${epoch}/${epochs}`,
					networks ? ` (${networkText(run.status, networksDone, networks)})` : ''),
				el('td', { class: 'n' }, num(run.metrics?.valMae)),
				el('td', { class: run.metrics?.vsNaive?.worse ? 'n worse' : 'n', title: vsNaiveText(run.metrics) }, ratio(run.metrics?.vsNaive?.ratio)),
				el('td', {}, ACTIVE.has(run.status) ? el('button', { type: 'button', class: 'secondary small', 'data-action': 'cancel' }, 'Cancel') : null));
			row.querySelector('.link').addEventListener('click', () => {
				this.showRun(run);
				this.refresh();
			});
			row.querySelector('[data-action=cancel]')?.addEventListener('click', () => this.cancel(run));
			return row;
		}));
		$('#runs-empty').hidden = this.runs.length > 0;
	}

	async cancel(run = this.run) {
		if (!run) {
			return;
		}
		try {
			const answer = await api(`/runs/${run.id}/cancel`, { method: 'POST' });
			if (this.run?.id === run.id && answer) {
				this.showRun(answer);
			}
		}
		catch (error) {
			showProblem($('#run-problem'), error);
		}
		this.refresh();
	}

	async remove() {
		const run = this.run;
		if (!run || !confirm(`Delete run ${run.id} and its model?`)) {
			return;
		}
		try {
			await api(`/runs/${run.id}`, { method: 'DELETE' });
			this.showRun(null);
		}
		catch (error) {
			showProblem($('#run-problem'), error);
		}
		this.refresh();
	}

	showRun(run) {
		const card = $('#run-card');
		const switched = this.run?.id !== run?.id;
		this.run = run;
		if (switched) {
			this.onRunShown(run);
		}
		if (!run) {
			card.hidden = true;
			this.curveChart.clear();
			this.rangeChart.clear();
			$('#curve-chart').dataset.points = '0';
			return;
		}
		card.hidden = false;
		if (switched) {
			showProblem($('#run-problem'), null);
		}
		const spec = run.spec || {};
		const { epoch = 0, epochs = 0, networks, networksDone = 0 } = run.progress || {};
		$('#run-title').replaceChildren(`Run #${run.id} `, status(run.status));
		$('#run-cancel').disabled = !ACTIVE.has(run.status);
		$('#run-delete').disabled = run.status === 'RUNNING';
		const facts = [
			`${spec.model ?? '?'}, window ${spec.window ?? '?'}, horizon ${spec.horizon ?? '?'}, validation ${spec.validation ?? '?'}`,
			`${spec.optimizer?.type ?? '?'} at ${spec.optimizer?.learningRate ?? '?'}, schedule ${spec.schedule?.type ?? 'constant'}, ${spec.loss ?? '?'} loss, batch ${spec.batchSize ?? '?'}`,
			`epoch ${epoch} of ${epochs}` + (networks ? `, ${networkText(run.status, networksDone, networks)}` : ''),
		];
		const m = run.metrics;
		if (m) {
			facts.push(`val MAE ${num(m.valMae)}, val RMSE ${num(m.valRmse)}, best epoch ${m.bestEpoch}, ${num(m.trainSeconds, 3)} s`);
			if (m.vsNaive) {
				facts.push(vsNaiveText(m));
			}
			if (m.suggestedLearningRate) {
				facts.push(`suggested learning rate ${m.suggestedLearningRate.toExponential(2)}`);
			}
		}
		if (run.worker) {
			facts.push(`worker ${run.worker}`);
		}
		$('#run-facts').replaceChildren(...facts.map((f) => el('span', {}, f)));
		const failure = run.error ? { title: run.status === 'CANCELLED' ? 'Cancelled' : 'The run failed', detail: run.error } : null;
		showProblem($('#run-error'), failure);
		this.renderDiagnosis(run.diagnosis);

		const curve = run.curve || [];
		const best = m?.bestEpoch ?? bestSoFar(curve, spec.earlyStopping?.monitor);
		if (curve.length) {
			this.curveChart.draw(curve, best);
		}
		else {
			this.curveChart.clear();
		}
		$('#curve-chart').dataset.points = String(curve.length);
		const rangeTest = spec.schedule?.type === 'range_test';
		$('#range-block').hidden = !rangeTest;
		if (rangeTest && curve.length) {
			this.rangeChart.draw(curve, m?.suggestedLearningRate ?? null);
		}
		$('#curve-table tbody').replaceChildren(...curve.map((c) => el('tr', { class: c.epoch === best ? 'best' : null },
			el('td', { class: 'n' }, c.epoch), ...[c.trainLoss, c.valLoss, c.valMae].map((v) => el('td', { class: 'n' }, num(v))),
			el('td', { class: 'n' }, c.learningRate?.toExponential(2) ?? '–'), el('td', { class: 'n' }, num(c.seconds, 3)))));
		$('#run-spec').textContent = JSON.stringify(spec, null, 2);
		for (const row of document.querySelectorAll('#runs tbody tr')) {
			row.classList.toggle('selected', row.dataset.run === String(run.id));
		}
	}

	renderDiagnosis(diagnosis) {
		const box = $('#run-diagnosis');
		if (!diagnosis) {
			box.hidden = true;
			return;
		}
		const verdict = diagnosis.verdict || 'unknown';
		box.replaceChildren(
			el('p', {}, 'Diagnosis: ', el('span', { class: `badge ${verdict === 'good' ? 'good' : 'warn'}` }, verdict),
				diagnosis.since ? ` since epoch ${diagnosis.since}` : ''),
			el('ul', {}, ...(diagnosis.advice || []).map((a) => el('li', {}, a))));
		box.hidden = false;
	}
}

function status(value) {
	return el('span', { class: `status-badge ${String(value).toLowerCase()}` }, value);
}

/** The epoch with the lowest monitored value so far (while a run trains). */
/** A ratio to naive as "0.92×". */
/** A run of several networks: the one training now, or how many were trained. */
function networkText(runStatus, done, total) {
	return runStatus === 'RUNNING' && done < total ? `network ${done + 1} of ${total}` : `${done} of ${total} networks`;
}

function ratio(value) {
	return value == null ? '' : `${value.toFixed(2)}×`;
}

/** The run's validation MAE against the naive baselines, in words. */
function vsNaiveText(metrics) {
	const v = metrics?.vsNaive;
	if (!v) {
		return '';
	}
	const seasonal = v.seasonalNaive != null ? `, ${ratio(v.seasonalNaive)} seasonal naive (MAE ${num(v.seasonalNaiveMae)})` : '';
	return `val MAE ${ratio(v.naive)} naive (MAE ${num(metrics.naiveMae)})${seasonal}${v.worse ? ': worse than naive' : ''}`;
}

function bestSoFar(curve, monitor = 'valMae') {
	let best = null;
	for (const c of curve) {
		const v = c[monitor] ?? c.valMae;
		if (Number.isFinite(v) && (best === null || v < best.v)) {
			best = { epoch: c.epoch, v };
		}
	}
	return best ? best.epoch : null;
}
