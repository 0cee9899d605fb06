/**
 * What the package reads of a service's answers, measured rather than declared: every answer body
 * is handed to the package behind a Proxy that notes each field the code reads (`get`, `in`) and
 * each object it copies whole (its keys enumerated: a spread, Object.entries, JSON.stringify).
 * Compared with what the answer holds, that gives the shape report: fields read and found, fields
 * read but missing (a renamed or dropped field, an ASSUMPTION refuted), and fields the package
 * ignores. Nothing to keep in sync with the adapters: it is what their code did on this answer.
 *
 * Paths read like `data.items[].name`: `[]` is any element of an array.
 */
'use strict';

/** Names engines and libraries probe on any object; not fields the package reads. */
const PROBES = new Set([
	'then',
	'toJSON',
	'constructor',
	'valueOf',
	'toString',
	'toLocaleString',
	'hasOwnProperty',
	'isPrototypeOf',
	'propertyIsEnumerable',
	'__proto__',
	'inspect',
	'asymmetricMatch',
	'$$typeof',
	'nodeType',
	'@@__IMMUTABLE_ITERABLE__@@',
	'@@__IMMUTABLE_RECORD__@@',
]);

const join = (path, key) => (path ? `${path}.${key}` : key);
const isContainer = (value) => value !== null && typeof value === 'object';

/** One answer: what it held and what the package did with it. */
class ObservedAnswer {
	/** `watched`: false for an answer the package does not read (the credential tester's). */
	constructor(request, status, body, watched = true) {
		this.watched = watched;
		this.request = request;
		this.status = status;
		this.body = body;
		/** path → found (true) or missing (false) */
		this.reads = new Map();
		/** paths of objects or arrays the package copied whole */
		this.copied = new Set();
		this.proxies = new WeakMap();
	}

	read(path, found) {
		this.reads.set(path, this.reads.get(path) === true || found);
	}

	wrap(value, path) {
		if (!isContainer(value)) return value;
		const known = this.proxies.get(value);
		if (known) return known;
		const answer = this;
		const isArray = Array.isArray(value);
		/** Keys whose descriptor was just asked for: the next get of each is a copy. */
		const copying = new Set();
		const proxy = new Proxy(value, {
			get(target, key, receiver) {
				const got = Reflect.get(target, key, receiver);
				if (typeof key === 'symbol') return got;
				if (isArray) {
					if (/^\d+$/.test(key)) {
						answer.read(`${path}[]`, true);
						return answer.wrap(got, `${path}[]`);
					}
					if (key === 'length') answer.read(path, true);
					return got;
				}
				const own = Object.prototype.hasOwnProperty.call(target, key);
				if (!own && PROBES.has(key)) return got;
				// Part of copying the whole object (a spread): passed on, not read by name.
				if (copying.delete(key)) return answer.wrap(got, join(path, key));
				answer.read(join(path, key), own);
				return own ? answer.wrap(got, join(path, key)) : got;
			},
			getOwnPropertyDescriptor(target, key) {
				// A spread or Object.entries asks for each key's descriptor, then gets it.
				if (typeof key === 'string' && !isArray) copying.add(key);
				return Reflect.getOwnPropertyDescriptor(target, key);
			},
			has(target, key) {
				const found = Reflect.has(target, key);
				if (typeof key === 'string' && !isArray) answer.read(join(path, key), found);
				return found;
			},
			ownKeys(target) {
				answer.copied.add(path);
				return Reflect.ownKeys(target);
			},
		});
		this.proxies.set(value, proxy);
		return proxy;
	}

	/** Every path the answer holds, arrays' elements merged (a field of any element counts). */
	present() {
		const paths = new Map();
		const walk = (value, path) => {
			if (Array.isArray(value)) {
				paths.set(path, { items: value.length });
				for (const element of value) walk(element, `${path}[]`);
			} else if (isContainer(value)) {
				if (path) paths.set(path, { fields: Object.keys(value).length });
				for (const [key, inner] of Object.entries(value)) walk(inner, join(path, key));
			} else if (path && !paths.has(path)) {
				paths.set(path, { value: typeof value === 'string' ? 'string' : String(value) });
			}
		};
		walk(this.body, '');
		return paths;
	}

	/** found / missing / ignored, each a sorted list of paths. */
	report() {
		if (!this.watched) return { found: [], missing: [], ignored: [], copied: [], unread: true };
		const present = this.present();
		const readPaths = [...this.reads.keys()];
		const found = readPaths.filter((path) => this.reads.get(path)).sort();
		const missing = readPaths.filter((path) => !this.reads.get(path)).sort();
		const under = (path, parent) =>
			parent === '' || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`);
		const copied = [...this.copied];
		const isUsed = (path) =>
			this.reads.has(path) ||
			copied.some((parent) => parent === path || under(path, parent)) ||
			readPaths.some((read) => under(read, path));
		// The shallowest paths nothing reads: an object never opened is one line, not one per field.
		const ignored = [...present.keys()]
			.filter((path) => !isUsed(path))
			.filter((path, _, all) => !all.some((other) => other !== path && under(path, other)))
			.sort();
		return { found, missing, ignored, copied: copied.sort() };
	}
}

/** Notes the answers of one step (an operation run); `observe` is what the transport hook calls. */
class ShapeRecorder {
	constructor() {
		/** @type {ObservedAnswer[] | undefined} */
		this.answers = undefined;
	}

	/** Starts noting answers; `watched: false` keeps them (to record) without watching reads. */
	begin({ watched = true } = {}) {
		this.answers = [];
		this.watched = watched;
		return this.answers;
	}

	/** Stops: reads after the run (printing outputs) are not the package's. */
	end() {
		const answers = this.answers ?? [];
		this.answers = undefined;
		return answers;
	}

	/** The body the package should see: a watched one while a step runs, else the body itself. */
	observe(request, status, body) {
		if (!this.answers || !isContainer(body)) return body;
		const answer = new ObservedAnswer(request, status, body, this.watched);
		this.answers.push(answer);
		return this.watched ? answer.wrap(body, '') : body;
	}
}

module.exports = { ObservedAnswer, ShapeRecorder };
