// Collections on the dashboard: upload a long CSV (unique_id, ds, y), list collections, page through a
// collection's members, pick one (shown as a series with its forecast), and evaluate every member.
import { api, showProblem, el, num } from './api.js';

const $ = (selector) => document.querySelector(selector);

/** Members shown per page. */
const PAGE = 20;

export class Collections {

	/** {@code onPick(seriesId)}: show that member series (and its forecast) in the series view. */
	constructor({ onPick }) {
		this.onPick = onPick;
		this.current = null;
		this.page = 0;
		$('#collection-file').addEventListener('change', (event) => {
			const [file] = event.target.files;
			if (file) {
				this.upload(file);
			}
			event.target.value = '';
		});
		$('#collection-prev').addEventListener('click', () => this.show(this.current.id, this.page - 1));
		$('#collection-next').addEventListener('click', () => this.show(this.current.id, this.page + 1));
		$('#collection-delete').addEventListener('click', () => this.remove());
		$('#collection-evaluation-form').addEventListener('submit', (event) => {
			event.preventDefault();
			this.evaluate(new FormData(event.target));
		});
	}

	async load(selectId) {
		try {
			const page = await api('/collections?page=0&size=100');
			showProblem($('#collections-problem'), null);
			this.render(page);
			if (selectId) {
				await this.show(selectId, 0);
			}
		}
		catch (error) {
			showProblem($('#collections-problem'), error.status === 401 ? null : error);
		}
	}

	render(page) {
		const list = $('#collection-list');
		list.replaceChildren(...page.items.map((c) => {
			const item = el('li', { 'data-id': c.id, class: this.current?.id === c.id ? 'selected' : null },
				el('button', { type: 'button', class: 'link' }, c.name),
				el('span', { class: 'meta' }, `#${c.id} · ${c.members.toLocaleString('en-US')} series`));
			item.querySelector('button').addEventListener('click', () => this.show(c.id, 0));
			return item;
		}));
		$('#collections-empty').hidden = page.items.length > 0;
	}

	async upload(file) {
		const status = $('#collection-status');
		status.textContent = `Uploading ${file.name} …`;
		showProblem($('#collections-problem'), null);
		const form = new FormData();
		form.append('file', file, file.name);
		try {
			const name = file.name.replace(/\.[^.]*$/, '') || 'collection';
			const created = await api(`/collections?name=${encodeURIComponent(name)}`, { method: 'POST', body: form });
			status.textContent = `Uploaded ${created.name}: ${created.members.toLocaleString('en-US')} series, `
				+ `${created.upload.rows.toLocaleString('en-US')} rows.`;
			await this.load(created.id);
		}
		catch (error) {
			status.textContent = '';
			showProblem($('#collections-problem'), error);
		}
	}

	async show(id, page) {
		try {
			const detail = await api(`/collections/${id}?page=${page}&size=${PAGE}`);
			const changed = this.current?.id !== id;
			this.current = detail;
			this.page = page;
			$('#collection-card').hidden = false;
			$('#collection-title').textContent = `Collection ${detail.name}`;
			const last = Math.max(0, Math.ceil(detail.total / PAGE) - 1);
			$('#collection-facts').textContent = `${detail.total.toLocaleString('en-US')} series; members `
				+ `${page * PAGE + 1}–${Math.min(detail.total, (page + 1) * PAGE)} shown`;
			$('#collection-prev').disabled = page === 0;
			$('#collection-next').disabled = page >= last;
			$('#collection-members tbody').replaceChildren(...detail.members.map((m) => {
				const row = el('tr', { 'data-series': m.series },
					el('td', {}, el('button', { type: 'button', class: 'link' }, m.id)),
					el('td', { class: 'n' }, `#${m.series}`), el('td', { class: 'n' }, m.length.toLocaleString('en-US')),
					el('td', {}, m.frequency || 'irregular'), el('td', { class: 'n' }, m.gaps),
					el('td', {}, `${m.start} – ${m.end}`));
				row.querySelector('button').addEventListener('click', () => this.onPick(m.series));
				return row;
			}));
			if (changed) {
				$('#collection-evaluation').replaceChildren();
			}
			for (const item of document.querySelectorAll('#collection-list li')) {
				item.classList.toggle('selected', Number(item.dataset.id) === id);
			}
			showProblem($('#collection-problem'), null);
		}
		catch (error) {
			showProblem($('#collection-problem'), error);
		}
	}

	async remove() {
		const c = this.current;
		if (!c || !confirm(`Delete the collection “${c.name}” with its ${c.total} series?`)) {
			return;
		}
		try {
			await api(`/collections/${c.id}`, { method: 'DELETE' });
			this.current = null;
			$('#collection-card').hidden = true;
			await this.load();
		}
		catch (error) {
			showProblem($('#collection-problem'), error);
		}
	}

	async evaluate(form) {
		const params = new URLSearchParams();
		for (const name of ['holdout', 'horizon']) {
			if (form.get(name)) {
				params.set(name, form.get(name));
			}
		}
		params.set('methods', form.getAll('methods').join(','));
		const target = $('#collection-evaluation');
		target.replaceChildren(el('p', { class: 'hint' }, 'Backtesting every member …'));
		try {
			const answer = await api(`/collections/${this.current.id}/evaluation?${params}`);
			showProblem($('#collection-problem'), null);
			target.replaceChildren(...evaluationTable(answer));
		}
		catch (error) {
			target.replaceChildren();
			showProblem($('#collection-problem'), error);
		}
	}

}

function evaluationTable(answer) {
	const head = el('tr', {}, ...['Method', 'Series', 'MAE mean', 'MAE median', 'RMSE mean', 'sMAPE mean',
		'sMAPE median', 'MASE mean', 'MASE median', 'Best on'].map((h) => el('th', {}, h)));
	const rows = answer.methods.map((m) => el('tr', { class: m.method === answer.best ? 'best' : null },
		el('td', { class: 'method' }, m.method, m.method === answer.best ? el('span', { class: 'badge good' }, 'best') : null),
		el('td', { class: 'n' }, m.members),
		...[m.mae.mean, m.mae.median, m.rmse.mean, m.smape.mean, m.smape.median, m.mase.mean, m.mase.median]
			.map((v) => el('td', { class: 'n' }, num(v))),
		el('td', { class: 'n' }, answer.wins[m.method] || 0)));
	const notes = [`${answer.evaluated} series backtested, ${answer.horizon} step${answer.horizon > 1 ? 's' : ''} ahead; `
		+ 'best: the lowest mean MASE; “best on”: the series each method has the lowest MAE on.'];
	for (const f of answer.failed.slice(0, 5)) {
		notes.push(`${f.id} not backtested: ${f.reason}`);
	}
	if (answer.failed.length > 5) {
		notes.push(`… and ${answer.failed.length - 5} more not backtested.`);
	}
	return [el('div', { class: 'scroll' }, el('table', { class: 'table', id: 'collection-evaluation-table' },
		el('thead', {}, head), el('tbody', {}, ...rows))), el('ul', { class: 'notes' }, ...notes.map((n) => el('li', {}, n)))];
}
