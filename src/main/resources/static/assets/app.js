// The dashboard: series, forecasts and evaluation; training lives in training.js.
import { api, apiKey, setApiKey, onAuthProblem, showProblem, el, num } from './api.js';
import { SeriesChart, COLORS } from './charts.js';
import { Training } from './training.js';
import { Collections } from './collections.js';

const $ = (selector) => document.querySelector(selector);

/** The newest this many series are listed. */
const LIST_SIZE = 500;

/** At most this many points are read for the chart. */
const CHART_POINTS = 1_000_000;

const state = { series: null, list: [] };
const seriesChart = new SeriesChart($('#series-chart'));
const training = new Training({ onRunsChanged: fillRunChoices, onRunShown: (run) => setHash(state.series, run) });

/** The address names the series and run shown (#series=1&run=2), so a view can be shared or reloaded. */
function hashParams() {
	return new URLSearchParams(location.hash.slice(1));
}

function setHash(series, run) {
	const params = new URLSearchParams();
	if (series) {
		params.set('series', series.id);
	}
	if (series && run) {
		params.set('run', run.id);
	}
	history.replaceState(null, '', params.size ? `#${params}` : location.pathname);
}

// ---- API key --------------------------------------------------------------------------------

$('#api-key').value = apiKey();
$('#key-form').addEventListener('submit', (event) => {
	event.preventDefault();
	setApiKey($('#api-key').value.trim());
	$('#auth-prompt').hidden = true;
	loadSeriesList();
	collections.load();
});
$('#key-clear').addEventListener('click', () => {
	setApiKey('');
	$('#api-key').value = '';
});
onAuthProblem((error) => {
	const prompt = $('#auth-prompt');
	prompt.replaceChildren(
		el('strong', {}, error.status === 401 ? 'This service needs an API key. ' : 'This API key may not do that. '),
		error.status === 401
			? 'Enter a key in the “API key” field above and press Use. '
			: 'Changes need a key with the write scope. ',
		el('span', { class: 'problem-detail' }, error.detail));
	prompt.hidden = false;
	if (error.status === 401) {
		$('#api-key').focus();
	}
});

// ---- series list, upload, delete --------------------------------------------------------------

async function loadSeriesList(selectId) {
	try {
		const page = await api(`/series?page=0&size=${LIST_SIZE}`);
		state.list = page.items;
		state.total = page.total;
		showProblem($('#series-problem'), null);
		$('#auth-prompt').hidden = true;
	}
	catch (error) {
		// a missing key is said once, at the top of the page
		showProblem($('#series-problem'), error.status === 401 ? null : error);
		return;
	}
	renderSeriesList();
	const wanted = selectId ?? state.series?.id ?? Number(hashParams().get('series'));
	const found = state.list.find((s) => s.id === wanted);
	if (found) {
		await selectSeries(found);
	}
	else if (state.series) {
		unselect();
	}
}

function renderSeriesList() {
	const list = $('#series-list');
	list.replaceChildren(...state.list.map((s) => {
		const item = el('li', { 'data-id': s.id, class: state.series?.id === s.id ? 'selected' : null },
			el('button', { type: 'button', class: 'link' }, s.name),
			el('span', { class: 'meta' }, `#${s.id} · ${s.length.toLocaleString('en-US')} points · ${s.frequency || 'irregular'} · ${s.start} – ${s.end}`));
		item.querySelector('button').addEventListener('click', () => selectSeries(s));
		return item;
	}));
	$('#series-empty').hidden = state.list.length > 0;
	if (state.total > state.list.length) {
		list.append(el('li', { class: 'meta' }, `the newest ${state.list.length} of ${state.total} series`));
	}
}

async function upload(file) {
	const status = $('#upload-status');
	status.textContent = `Uploading ${file.name} …`;
	showProblem($('#series-problem'), null);
	const form = new FormData();
	form.append('file', file, file.name);
	try {
		const series = await api('/series', { method: 'POST', body: form });
		status.textContent = `Uploaded ${series.name}: ${series.length.toLocaleString('en-US')} points, ${series.frequency || 'irregular'}.`;
		await loadSeriesList(series.id);
	}
	catch (error) {
		status.textContent = '';
		showProblem($('#series-problem'), error);
	}
}

const drop = $('#drop');
// a file dropped beside the drop zone is not opened by the browser in place of the dashboard
window.addEventListener('dragover', (event) => event.preventDefault());
window.addEventListener('drop', (event) => event.preventDefault());
$('#file').addEventListener('change', (event) => {
	const [file] = event.target.files;
	if (file) {
		upload(file);
	}
	event.target.value = '';
});
drop.addEventListener('dragover', (event) => {
	event.preventDefault();
	drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
	event.preventDefault();
	drop.classList.remove('over');
	const [file] = event.dataTransfer.files;
	if (file) {
		upload(file);
	}
});

$('#delete-series').addEventListener('click', async () => {
	const s = state.series;
	if (!s || !confirm(`Delete the series “${s.name}” with its runs and models?`)) {
		return;
	}
	try {
		await api(`/series/${s.id}`, { method: 'DELETE' });
		unselect();
		await loadSeriesList();
	}
	catch (error) {
		showProblem($('#series-problem'), error);
	}
});

// ---- one series ------------------------------------------------------------------------------

function unselect() {
	state.series = null;
	setHash(null, null);
	seriesChart.clear();
	$('#series-chart').dataset.drawn = 'false';
	$('#series-title').textContent = 'Pick or upload a series';
	$('#series-facts').textContent = '';
	$('#forecast-list').replaceChildren();
	$('#evaluation-result').replaceChildren();
	setEnabled(false);
	training.setSeries(null);
	renderSeriesList();
}

function setEnabled(on) {
	for (const id of ['#show-all', '#delete-series', '#forecast-add', '#forecast-clear', '#evaluate', '#train']) {
		$(id).disabled = !on;
	}
}

async function selectSeries(series) {
	const changed = state.series?.id !== series.id;
	const linked = hashParams();
	const runId = changed && Number(linked.get('series')) === series.id ? Number(linked.get('run')) || null : null;
	state.series = series;
	if (changed) {
		setHash(series, null);
	}
	renderSeriesList();
	$('#series-title').textContent = series.name;
	const stats = series.stats || {};
	$('#series-facts').textContent = `${series.length.toLocaleString('en-US')} points from ${series.start} to ${series.end}, `
		+ `${series.frequency || 'irregular'}${series.gaps ? `, ${series.gaps} gaps` : ''}; mean ${num(stats.mean)}, `
		+ `std ${num(stats.std)}, min ${num(stats.min)}, max ${num(stats.max)}`
		+ (series.length > CHART_POINTS ? `; the chart shows the first ${CHART_POINTS.toLocaleString('en-US')} points` : '');
	setEnabled(true);
	if (!changed && seriesChart.chart) {
		return;
	}
	$('#forecast-list').replaceChildren();
	$('#evaluation-result').replaceChildren();
	const holdout = $('#evaluation-form [name=holdout]');
	holdout.value = Math.max(1, Math.min(235, Math.floor(series.length / 5)));
	$('#series-chart').dataset.drawn = 'false';
	training.setSeries(series, runId);
	try {
		const answer = await api(`/series/${series.id}/points?limit=${CHART_POINTS}`);
		if (state.series?.id !== series.id) {
			return;
		}
		seriesChart.setSeries(series.name, answer.points);
		$('#series-chart').dataset.drawn = 'true';
	}
	catch (error) {
		showProblem($('#series-problem'), error);
	}
}

$('#show-all').addEventListener('click', () => seriesChart.showAll());

// ---- forecasts -------------------------------------------------------------------------------

const forecastForm = $('#forecast-form');

function methodParams(form, method) {
	const params = new URLSearchParams();
	for (const name of ['window', 'season', 'smoothing', 'model']) {
		const input = forecastForm.elements[name];
		const label = input.closest('label');
		if (input.value !== '' && (!method || label.dataset.for.split(' ').includes(method))) {
			params.set(name, input.value);
		}
	}
	const run = forecastForm.elements.run.value;
	if (run && (!method || method === 'neural')) {
		params.set('run', run);
	}
	return params;
}

function showMethodFields() {
	const method = forecastForm.elements.method.value;
	for (const label of forecastForm.querySelectorAll('label[data-for]')) {
		label.hidden = !label.dataset.for.split(' ').includes(method);
	}
}
forecastForm.elements.method.addEventListener('change', showMethodFields);
showMethodFields();

forecastForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const series = state.series;
	if (!series) {
		return;
	}
	const method = forecastForm.elements.method.value;
	const params = methodParams(forecastForm, method);
	params.set('series', series.id);
	params.set('method', method);
	params.set('horizon', forecastForm.elements.horizon.value);
	showProblem($('#forecast-problem'), null);
	try {
		const forecast = await api(`/forecast?${params}`);
		const shown = shownParams(forecast.params);
		if (forecast.run) {
			shown.push(`run ${forecast.run}`);
		}
		const label = `${method}${shown.length ? ` (${shown.join(', ')})` : ''}`;
		seriesChart.addForecast(label, forecast);
		seriesChart.forecasts[seriesChart.forecasts.length - 1].why = forecast.params?.why;
		renderForecastChips();
	}
	catch (error) {
		showProblem($('#forecast-problem'), error);
	}
});

/**
 * Parameters as a short text: plain values (numbers to 4 significant digits) and lists; the members
 * of auto, its reason and the dropped methods are left to the tooltip.
 */
function shownParams(params) {
	return Object.entries(params || {})
		.filter(([k, v]) => k !== 'why' && (v === null || typeof v !== 'object' || Array.isArray(v)))
		.map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v}`);
}

function renderForecastChips() {
	$('#forecast-list').replaceChildren(...seriesChart.forecasts.map((f, n) => el('li', {},
		el('span', { class: 'swatch', style: `background:${COLORS[n % COLORS.length]}` }),
		`${f.label}: ${f.points.length} steps to ${f.points[f.points.length - 1].t}`)));
	$('#forecast-list').querySelectorAll('li').forEach((li, n) => {
		li.title = seriesChart.forecasts[n].why || '';
	});
}

$('#forecast-clear').addEventListener('click', () => {
	seriesChart.clearForecasts();
	renderForecastChips();
});

function fillRunChoices(runs) {
	const select = forecastForm.elements.run;
	const current = select.value;
	const succeeded = runs.filter((r) => r.status === 'SUCCEEDED');
	select.replaceChildren(el('option', { value: '' }, 'best succeeded run'),
		...succeeded.map((r) => el('option', { value: r.id }, `run ${r.id} · ${r.spec?.model ?? ''} · val MAE ${num(r.metrics?.valMae)}${r.metrics?.vsNaive ? ` (${r.metrics.vsNaive.ratio.toFixed(2)}× naive)` : ''}`)));
	if (succeeded.some((r) => String(r.id) === current)) {
		select.value = current;
	}
}

// ---- evaluation ------------------------------------------------------------------------------

const evaluationForm = $('#evaluation-form');
evaluationForm.addEventListener('submit', async (event) => {
	event.preventDefault();
	const series = state.series;
	if (!series) {
		return;
	}
	const methods = [...evaluationForm.querySelectorAll('[name=methods]:checked')].map((box) => box.value);
	const params = methodParams(forecastForm, null);
	params.set('series', series.id);
	if (evaluationForm.elements.holdout.value) {
		params.set('holdout', evaluationForm.elements.holdout.value);
	}
	params.set('horizon', evaluationForm.elements.horizon.value || '1');
	if (methods.length) {
		params.set('methods', methods.join(','));
	}
	showProblem($('#evaluation-problem'), null);
	const result = $('#evaluation-result');
	result.replaceChildren(el('p', { class: 'hint' }, 'Backtesting …'));
	try {
		renderEvaluation(await api(`/evaluation?${params}`));
	}
	catch (error) {
		result.replaceChildren();
		showProblem($('#evaluation-problem'), error);
	}
});

function renderEvaluation(evaluation) {
	const levels = [...new Set(evaluation.results.flatMap((r) => Object.keys(r.coverage || {})))].sort();
	const head = el('tr', {}, ...['Method', 'MAE', 'RMSE', 'MAPE %', 'sMAPE %', 'MASE', ...levels.map((l) => `in ${l}%`)]
		.map((h) => el('th', {}, h)));
	const rows = [...evaluation.results].sort((a, b) => a.mae - b.mae).map((r) => {
		const params = shownParams(r.params).join(', ');
		return el('tr', { class: r.method === evaluation.best ? 'best' : null },
			el('td', { class: 'method' }, r.method, r.method === evaluation.best ? el('span', { class: 'badge good' }, 'best') : null,
				params ? el('div', { class: 'meta' }, params) : null),
			...[r.mae, r.rmse, r.mape, r.smape, r.mase].map((v) => el('td', { class: 'n' }, num(v))),
			...levels.map((l) => el('td', { class: 'n' }, r.coverage?.[l] === undefined ? '–' : `${Math.round(r.coverage[l] * 100)}%`)));
	});
	const table = el('div', { class: 'scroll' },
		el('table', { class: 'table', id: 'evaluation-table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
	const notes = [
		`Last ${evaluation.holdout} points, ${evaluation.horizon} step${evaluation.horizon > 1 ? 's' : ''} ahead (rolling origin).`,
		...(evaluation.skipped || []).map((s) => `${s.method} skipped: ${s.reason}`),
		...(evaluation.notes || []),
	];
	$('#evaluation-result').replaceChildren(table, el('ul', { class: 'notes' }, ...notes.map((n) => el('li', {}, n))));
}

// ---- collections: a picked member is shown as a series, with a forecast of the form's method ----

const collections = new Collections({
	onPick: async (seriesId) => {
		try {
			await selectSeries(await api(`/series/${seriesId}`));
			$('#series-card').scrollIntoView({ behavior: 'smooth' });
			forecastForm.requestSubmit();
		}
		catch (error) {
			showProblem($('#series-problem'), error);
		}
	},
});

// ---- start -----------------------------------------------------------------------------------

collections.load();
loadSeriesList().finally(() => {
	document.body.dataset.ready = 'true';
});
