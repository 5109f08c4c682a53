// The designers' page: reads the JSON reports of /api/reports and draws them. Text goes through
// textContent only, so names from imported files cannot inject markup.
(function () {
    'use strict';

    // the cohort chart is drawn by /common/cohort.js, shared with the college page
    const STATUS = {
        NOT_COVERED: 'не покрыта',
        RELATED_ONLY: 'только косвенная связь (RELATED)',
        ABOVE_LEVEL: 'выше уровня программы',
        COVERED: 'покрыта, но есть непокрытые элементы',
    };
    const STATUS_SHORT = {
        NOT_COVERED: 'не покрыта', RELATED_ONLY: 'только RELATED', ABOVE_LEVEL: 'выше уровня', COVERED: 'покрыта',
    };
    const ELEMENT = {
        LABOUR_ACTION: 'трудовое действие',
        REQUIRED_SKILL: 'умение',
        REQUIRED_KNOWLEDGE: 'знание',
    };
    const REPORTS = {coverage: 'матрица', uncovered: 'пробелы', orphans: 'без ТФ', cohort: 'когорта',
        'mapping-comparison': 'сравнение', 'supply-demand': 'спрос', trends: 'тренды'};
    const NEED = {PROFILE: 'профиль должности', FUNCTION: 'ТФ', QUALIFICATION: 'квалификация (ОТФ)'};
    const CHANGE = {ADDED: 'добавлена', REMOVED: 'удалена', CHANGED: 'изменена'};

    // Every /api request needs an API key (docs/security.md): asked for once per browser tab and kept in
    // sessionStorage only, sent in the X-API-Key header, never in a URL.
    const KEY_STORAGE = 'workready.apiKey';
    const apiKey = () => sessionStorage.getItem(KEY_STORAGE) || '';

    const $ = (id) => document.getElementById(id);
    let programmes = [];
    let chart = null;
    let wired = false;

    // one element builder for every page (common/common.js)
    const el = window.WR.el;

    function askForKey(message) {
        $('sign-in-message').textContent = message || '';
        $('sign-in').hidden = false;
        $('api-key').focus();
    }

    async function authorized(url, accept) {
        const r = await fetch(url, {headers: {Accept: accept, 'Accept-Language': 'ru', 'X-API-Key': apiKey()}});
        if (r.status === 401) {
            sessionStorage.removeItem(KEY_STORAGE);
            askForKey('Ключ не принят: введите действующий ключ API.');
        }
        return r;
    }

    /** Downloads go through fetch, since a plain link cannot send the key header. */
    async function download(a) {
        const r = await authorized(a.href, '*/*');
        if (!r.ok) {
            const body = await r.json().catch(() => ({}));
            $('error').textContent = 'Не удалось скачать отчёт: ' + (body.detail || ('HTTP ' + r.status));
            $('error').hidden = false;
            return;
        }
        const disposition = r.headers.get('Content-Disposition') || '';
        const name = (disposition.match(/filename="?([^";]+)"?/) || [])[1] || 'report';
        const url = URL.createObjectURL(await r.blob());
        const link = el('a', {href: url, download: name});
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    async function json(url) {
        const r = await authorized(url, 'application/json');
        const body = await r.json();
        if (!r.ok) {
            throw new Error(body.detail || body.title || ('HTTP ' + r.status));
        }
        return body;
    }

    function query(withVersion) {
        const p = new URLSearchParams({programme: $('programme').value, standard: $('standard').value});
        if (withVersion && $('version').value) {
            p.set('mappingVersion', $('version').value);
        }
        return p;
    }

    function fillStandards() {
        const p = programmes.find((x) => String(x.id) === $('programme').value);
        $('standard').replaceChildren(...(p ? p.standards : []).map((s) =>
            el('option', {value: s.code}, `${s.code} «${s.name}» (приказ ${s.orderNumber} от ${s.approvalDate})`)));
        fillVersions();
    }

    function fillVersions() {
        const s = currentStandard();
        const versions = s ? s.versions.slice().reverse() : [];
        const option = (v, selected) => el('option', {value: v, selected: selected},
            v === s.activeVersion ? `${v} (действующая)` : v);
        $('version').replaceChildren(...versions.map((v) => option(v, v === s.activeVersion)));
        // compare the active version with the one before it by default
        $('comparison-section').hidden = versions.length < 2;
        const previous = versions.find((v) => v < (s ? s.activeVersion : 0));
        $('compare-from').replaceChildren(...versions.map((v) => option(v, v === previous)));
        $('compare-to').replaceChildren(...versions.map((v) => option(v, v === (s && s.activeVersion))));
    }

    async function comparison() {
        if ($('comparison-section').hidden) {
            $('comparison').replaceChildren();
            return;
        }
        const q = query(false);
        q.set('from', $('compare-from').value);
        q.set('to', $('compare-to').value);
        const r = await json(`/api/reports/mapping-comparison?${q}`);
        const fn = (kind, f) => el('li', {'data-change': kind, 'data-code': f.code}, el('b', {}, f.code),
            ` ${f.name}: ${STATUS_SHORT[f.from]} → ${STATUS_SHORT[f.to]}`);
        const items = [
            ...r.fixed.map((f) => fn('fixed', f)), ...r.broken.map((f) => fn('broken', f)),
            ...r.changed.map((f) => fn('changed', f)),
            ...r.orphansResolved.map((o) => el('li', {'data-change': 'orphan-resolved'}, `${o} теперь служит ТФ`)),
            ...r.orphansIntroduced.map((o) => el('li', {'data-change': 'orphan-introduced'}, `${o} больше не служит ни одной ТФ`)),
            ...r.mappingChanges.map((m) => el('li', {'data-change': 'mapping'},
                `связь ${m.outcomeCode} → ${m.functionCode}${m.element ? ' (' + m.element + ')' : ''} ${CHANGE[m.change]}`
                + (m.fromType ? `; было ${m.fromType} ${m.fromWeight}` : '') + (m.toType ? `; стало ${m.toType} ${m.toWeight}` : ''))),
        ];
        $('comparison').replaceChildren(...(items.length ? items : [el('li', {}, 'версии не различаются')]));
    }

    /** Trends follow the chosen programme's ФГОС code in its college over the years (trends.js draws them). */
    function trendsQuery() {
        const p = programmes.find((x) => String(x.id) === $('programme').value);
        return new URLSearchParams({college: p ? p.college : '', fgos: p ? p.fgosCode : '',
            standard: $('standard').value});
    }

    function currentStandard() {
        const p = programmes.find((x) => String(x.id) === $('programme').value);
        return p && p.standards.find((x) => x.code === $('standard').value);
    }

    function downloads() {
        document.querySelectorAll('.downloads').forEach((d) => {
            const report = d.dataset.report;
            const q = report === 'trends' ? trendsQuery()
                : query(!['cohort', 'mapping-comparison', 'supply-demand'].includes(report));
            if (report === 'mapping-comparison') {
                q.set('from', $('compare-from').value);
                q.set('to', $('compare-to').value);
            }
            d.replaceChildren(...['csv', 'xlsx'].map((f) => {
                q.set('format', f);
                const a = el('a', {href: `/api/reports/${report}?${q}`, class: 'download', 'data-format': f,
                    download: ''}, `Скачать ${f.toUpperCase()} (${REPORTS[report]})`);
                a.addEventListener('click', (e) => {
                    e.preventDefault();
                    download(a);
                });
                return a;
            }));
        });
    }

    function provenance(p) {
        const sources = p.sources.map((s) => `${s.standardCode} «${s.standardName}», приказ ${s.orderNumber} от `
            + `${s.approvalDate}, версия сопоставления ${s.mappingVersion}`).join('; ');
        $('provenance').textContent = `Программа ${p.programme.fgosCode} «${p.programme.name}», колледж `
            + `${p.programme.college}, набор ${p.programme.intakeYear}, уровень квалификации `
            + `${p.programme.qualificationLevel}. Профстандарт: ${sources}. Набор правил: `
            + `${p.ruleSetVersions.join(', ')}.`;
    }

    function heatmap(r) {
        const used = new Set(r.cells.map((c) => c.outcomeCode));
        // every outcome that serves a ТФ, then the professional ones that do not (to show the empty columns)
        const outcomes = r.outcomes.filter((o) => used.has(o.code) || o.kind === 'PROFESSIONAL');
        const head = el('tr', {}, el('th', {}, 'ТФ \\ результат'),
            outcomes.map((o) => el('th', {class: 'outcome', title: o.name}, o.code)));
        const rows = r.functions.map((f) => {
            const tr = el('tr', {class: f.aboveProgrammeLevel ? 'above' : '', 'data-function': f.code},
                el('th', {class: 'function', title: f.name}, el('b', {}, f.code), `${f.name} (ур. ${f.qualificationLevel})`));
            outcomes.forEach((o) => {
                const cells = r.cells.filter((c) => c.functionCode === f.code && c.outcomeCode === o.code);
                const td = el('td', {class: 'cell', 'data-function': f.code, 'data-outcome': o.code});
                if (cells.length) {
                    const best = cells.reduce((a, b) => strength(b) > strength(a) ? b : a);
                    td.setAttribute('data-type', best.type);
                    td.setAttribute('data-weight', best.weight);
                    td.style.background = colour(best);
                    td.style.color = best.type === 'EXACT' && best.weight > 0.6 ? '#fff' : '#000';
                    td.textContent = best.weight + (cells.some((c) => c.critical) ? '!' : '');
                    td.title = cells.map((c) => `${o.code} → ${f.code}: ${c.type}, вес ${c.weight}`
                        + (c.critical ? ', критичная' : '')
                        + (c.element ? `, ${ELEMENT[c.element.kind]} ${c.element.position}` : '')).join('\n');
                }
                tr.append(td);
            });
            return tr;
        });
        $('heatmap').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    }

    function strength(c) {
        return ({EXACT: 3, PART_OF: 2, RELATED: 1}[c.type]) + c.weight;
    }

    function colour(c) {
        const rgb = {EXACT: '46,125,50', PART_OF: '129,199,132', RELATED: '255,193,7'}[c.type];
        return `rgba(${rgb},${0.35 + 0.65 * c.weight})`;
    }

    function uncovered(r) {
        const items = r.functions.map((f) => el('li', {'data-code': f.code, 'data-status': f.status},
            el('b', {}, f.code), ` ${f.name} (ур. ${f.qualificationLevel})`,
            el('span', {class: 'status'}, STATUS[f.status]),
            f.relatedOutcomes.length ? ` — косвенно: ${f.relatedOutcomes.join(', ')}` : '',
            f.elements.length ? el('details', {}, el('summary', {}, `непокрытых элементов: ${f.elements.length}`),
                el('ul', {}, f.elements.map((e) => el('li', {},
                    `${ELEMENT[e.element.kind]} ${e.element.position}: ${e.element.text}`)))) : ''));
        const above = r.aboveLevel.map((f) => el('li', {'data-code': f.code, 'data-status': 'ABOVE_LEVEL'},
            el('b', {}, f.code), ` ${f.name} (ур. ${f.qualificationLevel}, программа — ур. ${r.programmeLevel})`,
            el('span', {class: 'status'}, STATUS.ABOVE_LEVEL)));
        $('uncovered').replaceChildren(...items, ...above);
    }

    function orphans(r) {
        $('orphans').replaceChildren(...(r.outcomes.length ? r.outcomes.map((o) =>
            el('li', {'data-code': o.code}, el('b', {}, o.code), ` ${o.name}`)) : [el('li', {}, 'нет')]));
    }

    function cohort(r) {
        chart = WRCohort.draw(r, chart, {chart: 'cohort-chart', note: 'cohort-note', weak: 'weak-spots'});
    }

    function supply(r) {
        $('supply-note').textContent = `Регион: ${r.region}, год выпуска ${r.graduationYear}, выпускников программы: `
            + `${r.graduates == null ? 'скрыто (менее 5)' : r.graduates}.`
            + (r.needs.length ? '' : ' Заявленной потребности по этому стандарту нет.');
        const head = el('tr', {}, ['Потребность', 'Цель', 'Требуется', 'Готовы', 'Дефицит', 'Источник']
            .map((h) => el('th', {}, h)));
        const rows = r.needs.map((n) => el('tr', {'data-kind': n.kind, 'data-target': n.target},
            el('td', {}, NEED[n.kind]), el('td', {title: n.targetName}, `${n.target} — ${n.targetName}`),
            el('td', {}, n.needed), el('td', {}, n.ready == null ? '—' : n.ready),
            el('td', {}, n.shortfall == null ? '—' : n.shortfall), el('td', {}, n.source || '')));
        $('supply').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    }

    async function refresh() {
        document.body.dataset.ready = 'false';
        $('error').hidden = true;
        try {
            downloads();
            const q = query(true);
            const [cov, unc, orph, coh, sup] = await Promise.all([
                json(`/api/reports/coverage?${q}`), json(`/api/reports/uncovered?${q}`),
                json(`/api/reports/orphans?${q}`), json(`/api/reports/cohort?${query(false)}&limit=5`),
                json(`/api/reports/supply-demand?${query(false)}`)]);
            provenance(cov.provenance);
            heatmap(cov);
            uncovered(unc);
            orphans(orph);
            cohort(coh);
            supply(sup);
            await comparison();
            if (window.workreadyTrends) {
                await window.workreadyTrends(trendsQuery(), json);
            }
        } catch (e) {
            $('error').textContent = 'Не удалось построить отчёт: ' + e.message;
            $('error').hidden = false;
        }
        document.body.dataset.ready = 'true';
    }

    async function start() {
        if (!apiKey()) {
            askForKey();
            return;
        }
        try {
            programmes = await json('/api/reports/programmes');
        } catch (e) {
            $('error').textContent = 'Не удалось загрузить программы: ' + e.message;
            $('error').hidden = false;
            return;
        }
        programmes = programmes.filter((p) => p.standards.length);
        $('programme').replaceChildren(...programmes.map((p) => el('option', {value: p.id},
            `${p.college} · ${p.fgosCode} «${p.name}», набор ${p.intakeYear}`)));
        const params = new URLSearchParams(location.search);
        if (params.get('programme')) {
            $('programme').value = params.get('programme');
        }
        fillStandards();
        if (params.get('standard')) {
            $('standard').value = params.get('standard');
            fillVersions();
        }
        if (!wired) { // start() runs again after a new key is entered
            wired = true;
            $('programme').addEventListener('change', () => { fillStandards(); refresh(); });
            $('standard').addEventListener('change', () => { fillVersions(); refresh(); });
            $('version').addEventListener('change', refresh);
            ['compare-from', 'compare-to'].forEach((id) => $(id).addEventListener('change', async () => {
                downloads();
                try {
                    await comparison();
                } catch (e) {
                    $('error').textContent = 'Не удалось сравнить версии: ' + e.message;
                    $('error').hidden = false;
                }
            }));
            window.addEventListener('resize', () => chart && chart.resize());
        }
        await refresh();
    }

    document.addEventListener('DOMContentLoaded', () => {
        window.WR.onKeyEntered(start);
        start();
    });
})();
