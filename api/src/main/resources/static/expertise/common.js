// Shared by the expertise pages (docs/expertise.md): the API key, asked for once per browser tab and kept in
// sessionStorage only (as on /reports), sent in the X-API-Key header; text goes through textContent only.
window.Expertise = (function () {
    'use strict';
    const KEY_STORAGE = 'workready.apiKey';
    const apiKey = () => sessionStorage.getItem(KEY_STORAGE) || '';
    const $ = (id) => document.getElementById(id);

    const CONCLUSION = {APPROVED: 'одобрено', NOT_REVIEWED: 'не рассмотрено',
        CHANGES_PROPOSED: 'предложены изменения', DISPUTED: 'оспорено'};
    const STATUS = {IN_REVIEW: 'идёт экспертиза', CONCLUDED: 'экспертиза завершена', ANSWERED: 'колледж ответил'};
    const VERDICT = {AGREE: 'согласен', DISAGREE: 'не согласен', PROPOSE: 'предлагает изменить'};

    // one element builder for every page (common/common.js)
    const el = window.WR.el;

    function askForKey(message) {
        $('sign-in-message').textContent = message || '';
        $('sign-in').hidden = false;
        $('api-key').focus();
    }

    async function request(method, url, body, accept) {
        const headers = {Accept: accept || 'application/json', 'X-API-Key': apiKey()};
        if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
        }
        const r = await fetch(url, {method: method, headers: headers,
            body: body === undefined ? undefined : JSON.stringify(body)});
        if (r.status === 401) {
            sessionStorage.removeItem(KEY_STORAGE);
            askForKey('Ключ не принят: введите действующий ключ API.');
        }
        return r;
    }

    /** The JSON answer, or an Error carrying the problem detail and the fields it names. */
    async function call(method, url, body) {
        const r = await request(method, url, body);
        const text = await r.text();
        const json = text ? JSON.parse(text) : {};
        if (!r.ok) {
            const problems = (json.problems || []).map((p) => `${p.field || ''}: ${p.reason || ''}`);
            throw new Error([json.detail || json.title || ('HTTP ' + r.status)].concat(problems).join('; '));
        }
        return json;
    }

    /** Downloads go through fetch, since a plain link cannot send the key header. */
    async function download(url, fallbackName) {
        const r = await request('GET', url, undefined, '*/*');
        if (!r.ok) {
            throw new Error('HTTP ' + r.status);
        }
        const disposition = r.headers.get('Content-Disposition') || '';
        const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || fallbackName;
        const href = URL.createObjectURL(await r.blob());
        const link = el('a', {href: href, download: name});
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(href), 10000);
    }

    function showError(message) {
        $('error').textContent = message;
        $('error').hidden = !message;
    }

    function date(iso) {
        return iso ? String(iso).slice(0, 10) : '—';
    }

    /** Programme, standard edition and mapping version of an expertise, in one line. */
    function describe(s) {
        return `${s.fgosCode} «${s.programmeName}» (${s.college}, набор ${s.intakeYear}) — профстандарт ` +
            `${s.standardCode} «${s.standardName}» (приказ ${s.orderNumber}), версия сопоставления ${s.mappingVersion}`;
    }

    /** The deadline as the college set it: the expertise ends at the end of that day (read in the browser's zone). */
    function deadline(s) {
        const d = new Date(Date.parse(s.deadline) - 1000);
        const two = (n) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
    }

    function decisionText(d) {
        if (!d) {
            return 'не решено';
        }
        let text = VERDICT[d.verdict];
        if (d.verdict === 'PROPOSE') {
            const parts = [];
            if (d.proposedType) {
                parts.push('тип ' + d.proposedType);
            }
            if (d.proposedWeight !== null && d.proposedWeight !== undefined) {
                parts.push('вес ' + d.proposedWeight);
            }
            if (d.proposedCritical !== null && d.proposedCritical !== undefined) {
                parts.push(d.proposedCritical ? 'критичная' : 'не критичная');
            }
            text += ': ' + parts.join(', ');
        }
        return d.comment ? `${text} — ${d.comment}` : text;
    }

    /** Wires the sign-in form and calls start now and after each new key; start gets the ?id= of the page. */
    function page(start) {
        document.addEventListener('DOMContentLoaded', () => {
            const run = () => {
                if (!apiKey()) {
                    askForKey();
                    return;
                }
                const id = new URLSearchParams(location.search).get('id');
                Promise.resolve(start(id)).catch((e) => showError(e.message))
                    .finally(() => { document.body.dataset.ready = 'true'; });
            };
            window.WR.onKeyEntered(run);
            run();
        });
    }

    return {$, el, call, download, showError, date, describe, deadline, decisionText, page,
        CONCLUSION, STATUS, VERDICT};
})();
