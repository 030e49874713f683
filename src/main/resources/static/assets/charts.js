// uPlot charts: the series with forecast bands, a run's learning curves, a range test.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

export const COLORS = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];

const utc = (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Etc/UTC');

/** Epoch seconds of an API timestamp ('2018-07-31' or '2016-07-01T00:00:00', read as UTC). */
export function epochSeconds(t) {
	if (t.length === 10) {
		return Date.parse(t + 'T00:00:00Z') / 1000;
	}
	return Date.parse(/([zZ]|[+-]\d\d:?\d\d)$/.test(t) ? t : t + 'Z') / 1000;
}

function rgba(hex, alpha) {
	const n = parseInt(hex.slice(1), 16);
	return `rgba(${n >> 16}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Keeps a chart as wide as its container. */
function fitWidth(chart, container) {
	const observer = new ResizeObserver(() => {
		const width = Math.max(300, container.clientWidth);
		if (Math.abs(width - chart.width) > 1) {
			chart.setSize({ width, height: chart.height });
		}
	});
	observer.observe(container);
	return observer;
}

/** A chart in a container that is destroyed and rebuilt when its data changes shape. */
class Holder {
	constructor(container) {
		this.container = container;
		this.chart = null;
		this.observer = null;
	}

	replace(opts, data) {
		this.destroy();
		opts.width = Math.max(300, this.container.clientWidth);
		this.chart = new uPlot(opts, data, this.container);
		this.observer = fitWidth(this.chart, this.container);
		return this.chart;
	}

	destroy() {
		if (this.observer) {
			this.observer.disconnect();
		}
		if (this.chart) {
			this.chart.destroy();
		}
		this.chart = null;
		this.observer = null;
	}
}

/** An axis label for a learning rate: 2e-3, 0. */
function rate(v) {
	if (v === null || v === undefined) {
		return '';
	}
	return v === 0 ? '0' : v.toExponential(0).replace('e+0', '').replace('e+', 'e');
}

/** Draws a vertical marker line at x value {@code x} with a label. */
function marker(u, x, label, color) {
	if (x === null || x === undefined || !Number.isFinite(x)) {
		return;
	}
	const px = Math.round(u.valToPos(x, 'x', true));
	if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) {
		return;
	}
	const ctx = u.ctx;
	ctx.save();
	ctx.strokeStyle = color;
	ctx.lineWidth = 1.5 * devicePixelRatio;
	ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
	ctx.beginPath();
	ctx.moveTo(px, u.bbox.top);
	ctx.lineTo(px, u.bbox.top + u.bbox.height);
	ctx.stroke();
	ctx.setLineDash([]);
	ctx.fillStyle = color;
	ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
	ctx.textAlign = px > u.bbox.left + u.bbox.width * 0.8 ? 'right' : 'left';
	const pad = 4 * devicePixelRatio;
	ctx.fillText(label, ctx.textAlign === 'left' ? px + pad : px - pad, u.bbox.top + 14 * devicePixelRatio);
	ctx.restore();
}

/**
 * The series and its forecasts. Each forecast is drawn from the last observation on, with its 95%
 * and 80% bands. Drag to zoom, double-click to see everything.
 */
export class SeriesChart {
	constructor(container) {
		this.holder = new Holder(container);
		this.series = null;
		this.forecasts = [];
	}

	/** @param points [{t, v}] @param name legend label */
	setSeries(name, points) {
		this.series = { name, xs: points.map((p) => epochSeconds(p.t)), ys: points.map((p) => p.v) };
		this.forecasts = [];
		this.draw(false);
	}

	/** @param forecast a /forecast answer; replaces one with the same label */
	addForecast(label, forecast) {
		this.forecasts = this.forecasts.filter((f) => f.label !== label);
		this.forecasts.push({ label, points: forecast.points });
		this.draw(true);
	}

	clearForecasts() {
		this.forecasts = [];
		this.draw(false);
	}

	clear() {
		this.series = null;
		this.forecasts = [];
		this.holder.destroy();
	}

	/** Zooms to everything. */
	showAll() {
		const u = this.holder.chart;
		if (u) {
			const xs = u.data[0];
			u.setScale('x', { min: xs[0], max: xs[xs.length - 1] });
		}
	}

	get chart() {
		return this.holder.chart;
	}

	draw(zoomToForecasts) {
		if (!this.series) {
			return;
		}
		const { xs: sx, ys: sy } = this.series;
		const lastX = sx[sx.length - 1];
		const lastY = sy[sy.length - 1];
		const future = new Set();
		for (const f of this.forecasts) {
			for (const p of f.points) {
				future.add(epochSeconds(p.t));
			}
		}
		const fx = [...future].filter((x) => x > lastX).sort((a, b) => a - b);
		const xs = sx.concat(fx);
		const index = new Map(fx.map((x, i) => [x, sx.length + i]));
		const data = [xs, sy.concat(fx.map(() => null))];
		const opts = {
			height: 360,
			tzDate: utc,
			cursor: { drag: { x: true, y: false }, points: { size: 6 } },
			scales: { x: { time: true } },
			legend: { live: true },
			series: [{ label: 'time' }, { label: this.series.name, stroke: '#1f4e79', width: 1.2, points: { show: false } }],
			axes: [{}, { size: 60 }],
			bands: [],
		};
		this.forecasts.forEach((f, n) => {
			const color = COLORS[n % COLORS.length];
			const column = () => {
				const values = new Array(xs.length).fill(null);
				values[sx.length - 1] = lastY;
				return values;
			};
			const mean = column();
			const bands = {};
			for (const level of ['95', '80']) {
				bands[level] = [column(), column()];
			}
			for (const p of f.points) {
				const i = index.get(epochSeconds(p.t));
				if (i === undefined) {
					continue;
				}
				mean[i] = p.v;
				for (const level of ['95', '80']) {
					const interval = p.intervals && p.intervals[level];
					if (interval) {
						bands[level][0][i] = interval[1];
						bands[level][1][i] = interval[0];
					}
				}
			}
			const first = data.length;
			data.push(mean);
			opts.series.push({ label: f.label, stroke: color, width: 2, points: { show: false }, spanGaps: true });
			for (const level of ['95', '80']) {
				const hi = data.length;
				data.push(bands[level][0], bands[level][1]);
				for (const side of ['hi', 'lo']) {
					opts.series.push({
						label: `${f.label} ${level}% ${side}`, class: 'band-edge', stroke: rgba(color, 0.35), width: 0.5,
						// wide intervals run past the edge rather than flatten the series
						points: { show: false }, spanGaps: true, auto: false,
					});
				}
				opts.bands.push({ series: [hi, hi + 1], fill: rgba(color, level === '95' ? 0.12 : 0.22) });
			}
			f.column = first;
		});
		const u = this.holder.replace(opts, data);
		if (zoomToForecasts && fx.length) {
			const horizon = fx.length;
			const back = Math.min(sx.length - 1, Math.max(10 * horizon, 120));
			u.setScale('x', { min: sx[sx.length - 1 - back], max: fx[fx.length - 1] });
		}
	}
}

/**
 * A run's learning curves: training and validation loss per epoch, the learning rate on its own
 * (log) axis, validation MAE (hidden until picked in the legend) and the best epoch marked.
 */
export class CurveChart {
	constructor(container) {
		this.holder = new Holder(container);
	}

	/** @param curve the run's curve @param best the epoch to mark (or null) */
	draw(curve, best) {
		const xs = curve.map((c) => c.epoch);
		const rates = curve.map((c) => c.learningRate);
		const logRate = rates.every((r) => r > 0) && Math.max(...rates) / Math.min(...rates) > 20;
		const opts = {
			height: 300,
			cursor: { drag: { x: true, y: false } },
			scales: {
				x: { time: false },
				loss: { auto: true },
				// a constant rate gets room around it instead of a range of zero width
				lr: logRate ? { distr: 3 } : { range: (u, min, max) => (min === max ? [0, max * 2 || 1] : [min, max]) },
				mae: { auto: true },
			},
			series: [
				{ label: 'epoch' },
				{ label: 'train loss', scale: 'loss', stroke: '#1f77b4', width: 2, points: { show: true, size: 5 } },
				{ label: 'val loss', scale: 'loss', stroke: '#d62728', width: 2, points: { show: true, size: 5 } },
				{ label: 'learning rate', scale: 'lr', stroke: '#7f7f7f', width: 1.5, dash: [6, 4], points: { show: false },
					value: (u, v) => (v === null || v === undefined ? '–' : v.toExponential(2)) },
				{ label: 'val MAE', scale: 'mae', stroke: '#2ca02c', width: 1.5, show: false, points: { show: true, size: 4 } },
			],
			axes: [
				{ label: 'epoch', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
				{ scale: 'loss', label: 'loss', size: 60 },
				{ scale: 'lr', label: 'learning rate', side: 1, size: 70, grid: { show: false },
					values: (u, splits) => splits.map(rate) },
			],
			hooks: { draw: [(u) => marker(u, best, `best epoch ${best}`, '#2ca02c')] },
		};
		const data = [xs, curve.map((c) => c.trainLoss), curve.map((c) => c.valLoss), rates, curve.map((c) => c.valMae)];
		this.holder.replace(opts, data);
	}

	clear() {
		this.holder.destroy();
	}

	get chart() {
		return this.holder.chart;
	}
}

/** A learning-rate range test: training loss against the learning rate on a log axis, the suggested rate marked. */
export class RangeChart {
	constructor(container) {
		this.holder = new Holder(container);
	}

	draw(curve, suggested) {
		const rows = curve.filter((c) => c.learningRate > 0 && Number.isFinite(c.trainLoss))
			.sort((a, b) => a.learningRate - b.learningRate);
		const opts = {
			height: 260,
			cursor: { drag: { x: true, y: false } },
			scales: { x: { time: false, distr: 3 }, y: { auto: true } },
			series: [
				{ label: 'learning rate', value: (u, v) => (v === null || v === undefined ? '–' : v.toExponential(2)) },
				{ label: 'train loss', stroke: '#9467bd', width: 2, points: { show: true, size: 5 } },
			],
			axes: [
				{ label: 'learning rate (log)', values: (u, splits) => splits.map(rate) },
				{ label: 'loss', size: 60 },
			],
			hooks: { draw: [(u) => marker(u, suggested, suggested ? `suggested ${suggested.toExponential(2)}` : '', '#d62728')] },
		};
		this.holder.replace(opts, [rows.map((c) => c.learningRate), rows.map((c) => c.trainLoss)]);
	}

	clear() {
		this.holder.destroy();
	}
}
