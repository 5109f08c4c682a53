// Shared by the role pages (college, employer, admin): the API key of the tab, calls to /api with problem details
// turned into messages, Russian formatting of numbers and dates, CSV downloads. Text goes through textContent
// only, so names from imported files cannot inject markup.
(function () {
    'use strict';

    // The same storage as the designers' page: one key per browser tab, kept in sessionStorage only and sent in the
    // X-API-Key header, never in a URL.
    const KEY_STORAGE = 'workready.apiKey';

    const LEVELS = {
        READY: ['Готов', '#2e7d32'],
        PARTIALLY_READY: ['Частично готов', '#9ccc65'],
        INSUFFICIENT_EVIDENCE: ['Недостаточно данных', '#bdbdbd'],
        NOT_READY: ['Не готов', '#e53935'],
        UNMAPPED: ['Не сопоставлена', '#90a4ae'],
        ABOVE_PROGRAMME_LEVEL: ['Выше уровня программы', '#cfd8dc'],
    };
    const KINDS = {
        COURSE_GRADE: 'оценка по дисциплине',
        EMPLOYER_PRACTICE: 'практика (оценка работодателя)',
        MODULE_EXAM: 'экзамен по модулю',
        DEMO_EXAM: 'демонстрационный экзамен',
        CHAMPIONSHIP: 'чемпионат',
        INDEPENDENT_ASSESSMENT: 'независимая оценка квалификации (НОК)',
    };
    const ROLES = {
        COLLEGE: 'колледж', EMPLOYER: 'работодатель', CURRICULUM_DESIGNER: 'методист',
        RULE_AUTHOR: 'автор правил', ADMIN: 'администратор',
    };

    const numbers = new Map();
    const $ = (id) => document.getElementById(id);

    function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => {
            if (v === undefined || v === null || v === false) {
                return;
            }
            if (k === 'class') {
                e.className = v;
            } else if (k.startsWith('data-') || k.startsWith('aria-') || k === 'for' || k === 'role') {
                e.setAttribute(k, v);
            } else if (k.startsWith('on')) {
                e.addEventListener(k.substring(2), v);
            } else {
                e[k] = v;
            }
        });
        children.flat().forEach((c) => {
            if (c !== undefined && c !== null && c !== false) {
                e.append(c instanceof Node ? c : document.createTextNode(String(c)));
            }
        });
        return e;
    }

    /** Numbers in Russian: decimal comma, narrow no-break space between thousands. */
    function number(x, digits) {
        if (x === null || x === undefined || Number.isNaN(x)) {
            return '—';
        }
        const d = digits === undefined ? 2 : digits;
        if (!numbers.has(d)) {
            numbers.set(d, new Intl.NumberFormat('ru-RU', {maximumFractionDigits: d}));
        }
        return numbers.get(d).format(x);
    }

    const percent = (x) => (x === null || x === undefined ? '—' : number(x * 100, 0) + ' %');

    /** A date (YYYY-MM-DD) or an instant as дд.мм.гггг; instants get the time as well. */
    function date(iso) {
        if (!iso) {
            return '—';
        }
        if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
            const [y, m, d] = iso.split('-');
            return `${d}.${m}.${y}`;
        }
        return new Date(iso).toLocaleString('ru-RU', {dateStyle: 'short', timeStyle: 'short'});
    }

    const level = (code) => el('span', {class: 'level', 'data-level': code || 'NONE'},
        code ? (LEVELS[code] || [code])[0] : '—');

    /** A refused request: the problem detail's text and its list of problems (row, column, value, reason). */
    class Problem extends Error {
        constructor(status, body) {
            super((body && (body.detail || body.title)) || ('HTTP ' + status));
            this.status = status;
            this.body = body || {};
            this.problems = (body && body.problems) || [];
        }
    }

    const key = () => sessionStorage.getItem(KEY_STORAGE) || '';

    function forgetKey(message) {
        sessionStorage.removeItem(KEY_STORAGE);
        const form = $('sign-in');
        if (form) {
            $('sign-in-message').textContent = message || '';
            form.hidden = false;
            $('app').hidden = true;
            $('api-key').focus();
        }
    }

    /** Calls the API with the tab's key; answers the parsed JSON, throws {@link Problem} for 4xx/5xx. */
    async function api(method, url, body, contentType) {
        // ru: reasons and problem details in Russian (the API's default is English)
        const headers = {Accept: 'application/json, application/problem+json', 'Accept-Language': 'ru', 'X-API-Key': key()};
        let payload = body;
        if (body !== undefined && !(body instanceof Blob) && !(body instanceof FormData) && typeof body !== 'string') {
            payload = JSON.stringify(body);
            headers['Content-Type'] = 'application/json';
        } else if (contentType) {
            headers['Content-Type'] = contentType;
        }
        const r = await fetch(url, {method: method, headers: headers, body: payload});
        const text = await r.text();
        let parsed = null;
        try {
            parsed = text ? JSON.parse(text) : null;
        } catch (e) {
            parsed = {detail: text};
        }
        if (r.status === 401) {
            forgetKey('Ключ не принят: введите действующий ключ API.');
        }
        if (!r.ok) {
            throw new Problem(r.status, parsed);
        }
        return parsed;
    }

    const get = (url) => api('GET', url);

    /** Shows an error next to where it happened (an element with role=alert). */
    function fail(target, prefix, e) {
        const t = typeof target === 'string' ? $(target) : target;
        t.textContent = prefix + ': ' + (e && e.message ? e.message : e);
        t.hidden = false;
    }

    /** A CSV for Excel: UTF-8 with BOM, ';', cells that would start a formula prefixed with an apostrophe. */
    function downloadCsv(fileName, header, rows) {
        const cell = (v) => {
            let s = v === null || v === undefined ? '' : String(v);
            if (/^[=+\-@\t\r]/.test(s)) {
                s = "'" + s;
            }
            return /[";\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
        };
        const text = [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
        const url = URL.createObjectURL(new Blob(['\ufeff' + text], {type: 'text/csv;charset=utf-8'}));
        const a = el('a', {href: url, download: fileName});
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    /** Wires the sign-in form: a key typed in is kept for the tab (sessionStorage), the form hidden, then() run. */
    function onKeyEntered(then) {
        $('sign-in').addEventListener('submit', (e) => {
            e.preventDefault();
            const value = $('api-key').value.trim();
            if (value) {
                sessionStorage.setItem(KEY_STORAGE, value);
                $('api-key').value = '';
                $('sign-in').hidden = true;
                then();
            }
        });
    }

    /**
     * Signs the tab in: asks for a key until /api/me accepts it with one of the page's roles, then calls
     * onReady(me). The key stays for the tab (sessionStorage); «Выйти» forgets it.
     */
    function signIn(roles, onReady) {
        async function check() {
            if (!key()) {
                forgetKey('');
                return;
            }
            let me;
            try {
                me = await get('/api/me');
            } catch (e) {
                if (e.status !== 401) {
                    forgetKey('Не удалось проверить ключ: ' + e.message);
                }
                return;
            }
            if (!roles.includes(me.role)) {
                forgetKey(`Это ключ роли «${ROLES[me.role] || me.role}»; эта страница для роли «${ROLES[roles[0]]}».`);
                return;
            }
            $('sign-in').hidden = true;
            $('app').hidden = false;
            $('who').textContent = `${me.organisation} · ${ROLES[me.role] || me.role} · ключ ${me.prefix}…`;
            try {
                await onReady(me);
            } finally {
                document.body.dataset.ready = 'true';
            }
        }
        document.addEventListener('DOMContentLoaded', () => {
            onKeyEntered(check);
            $('sign-out').addEventListener('click', () => {
                sessionStorage.removeItem(KEY_STORAGE);
                location.reload();
            });
            check();
        });
    }

    /** Replaces a table's content: a header row and body rows. */
    function table(target, header, rows) {
        const t = typeof target === 'string' ? $(target) : target;
        t.replaceChildren(el('thead', {}, el('tr', {}, header.map((h) => el('th', {scope: 'col'}, h)))),
            el('tbody', {}, rows));
        return t;
    }

    /** A small label + control pair; every input gets a visible label. */
    const field = (text, control) => el('label', {}, text, control);

    window.WR = {$, el, api, get, onKeyEntered, number, percent, date, level, fail, downloadCsv, signIn, table, field, Problem,
        LEVELS, KINDS, ROLES};
})();
