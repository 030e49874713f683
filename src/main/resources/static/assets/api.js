// Calls to the public HTTP API: the API key, JSON and problem details (RFC 9457).

const KEY = 'forecast.apiKey';

export function apiKey() {
	return sessionStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
	if (key) {
		sessionStorage.setItem(KEY, key);
	}
	else {
		sessionStorage.removeItem(KEY);
	}
}

/** An answer that was not 2xx, carrying the problem detail's fields. */
export class ApiError extends Error {
	constructor(status, problem) {
		super(problem.detail || problem.title || `HTTP ${status}`);
		this.status = status;
		this.title = problem.title || `HTTP ${status}`;
		this.detail = problem.detail || '';
		this.errors = Array.isArray(problem.errors) ? problem.errors : [];
	}
}

/** Listeners told when the server asks for an API key (401) or refuses the one given (403). */
const authListeners = [];

export function onAuthProblem(listener) {
	authListeners.push(listener);
}

/**
 * Sends a request and answers the parsed JSON (or null for 204). {@code body}: a FormData, a string
 * (with {@code type}) or an object sent as JSON.
 */
export async function api(path, { method = 'GET', body, type, accept = 'application/json' } = {}) {
	const headers = { Accept: accept + ', application/problem+json' };
	const key = apiKey();
	if (key) {
		headers['X-API-Key'] = key;
	}
	let payload = body;
	if (body !== undefined && !(body instanceof FormData) && typeof body !== 'string') {
		payload = JSON.stringify(body);
		headers['Content-Type'] = 'application/json';
	}
	else if (type) {
		headers['Content-Type'] = type;
	}
	let response;
	try {
		response = await fetch(path, { method, headers, body: payload });
	}
	catch (ex) {
		throw new ApiError(0, { title: 'The service did not answer', detail: `${method} ${path}: ${ex.message}` });
	}
	if (response.status === 204) {
		return null;
	}
	const text = await response.text();
	let data = null;
	if (text && (response.headers.get('Content-Type') || '').includes('json')) {
		try {
			data = JSON.parse(text);
		}
		catch {
			data = null;
		}
	}
	if (!response.ok) {
		const problem = data || { title: `HTTP ${response.status}`, detail: text.slice(0, 300) };
		const error = new ApiError(response.status, problem);
		if (response.status === 401 || response.status === 403) {
			authListeners.forEach((listener) => listener(error));
		}
		throw error;
	}
	return data !== null ? data : text;
}

/** Renders an error (an ApiError or any Error) into {@code container} as a readable message. */
export function showProblem(container, error) {
	container.replaceChildren();
	if (!error) {
		container.hidden = true;
		return;
	}
	const box = el('div', { class: 'problem', role: 'alert' });
	const title = el('strong', { class: 'problem-title' }, error.title || 'Something went wrong');
	if (error.status) {
		title.append(el('span', { class: 'problem-status' }, ` (${error.status})`));
	}
	box.append(title);
	const detail = error.detail !== undefined ? error.detail : error.message;
	if (detail) {
		box.append(el('p', { class: 'problem-detail' }, detail));
	}
	const repeatsDetail = error.errors && error.errors.length === 1
		&& `${error.errors[0].field}: ${error.errors[0].message}` === detail;
	if (error.errors && error.errors.length && !repeatsDetail) {
		const list = el('ul', { class: 'problem-errors' });
		for (const e of error.errors) {
			const item = el('li');
			if (e.field) {
				item.append(el('code', {}, e.field), ': ');
			}
			item.append(e.message || '');
			list.append(item);
		}
		box.append(list);
	}
	const close = el('button', { type: 'button', class: 'problem-close', title: 'Dismiss', 'aria-label': 'Dismiss' }, '×');
	close.addEventListener('click', () => showProblem(container, null));
	box.append(close);
	container.append(box);
	container.hidden = false;
}

/** A small element builder: el('td', {class: 'x'}, 'text', child). */
export function el(tag, attributes = {}, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) {
		if (value === undefined || value === null || value === false) {
			continue;
		}
		node.setAttribute(name, value === true ? '' : value);
	}
	for (const child of children) {
		if (child !== undefined && child !== null) {
			node.append(child);
		}
	}
	return node;
}

/** Formats a number for tables: a few significant digits, never exponent noise for ordinary values. */
export function num(value, digits = 4) {
	if (value === null || value === undefined || Number.isNaN(value)) {
		return '–';
	}
	if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e7)) {
		return value.toExponential(2);
	}
	return Number(value.toPrecision(digits)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}
