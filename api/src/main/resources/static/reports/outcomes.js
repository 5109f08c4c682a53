// Graduate outcomes on the designers' page: employment of the chosen programme's graduates and how well readiness
// at graduation predicts employment in specialty (docs/validity.md), with a rule-set comparison. It follows the
// page's pickers (reports.js) and redraws each time the page has finished a refresh (body data-ready="true").
// Text goes through textContent only.
(function () {
    'use strict';

    const VERDICT = {
        PREDICTS: ['предсказывает', '#2e7d32'],
        PREDICTS_INVERSELY: ['обратная связь', '#ef6c00'],
        PREDICTS_NOTHING: ['не предсказывает', '#9e9e9e'],
        TOO_THIN: ['мало данных', '#cfd8dc'],
    };
    const BETTER = {CANDIDATE: 'кандидат лучше', ACTIVE: 'действующий лучше',
        NO_CLEAR_DIFFERENCE: 'нет явной разницы', TOO_THIN: 'мало данных'};
    const $ = (id) => document.getElementById(id);
    const KEY_STORAGE = 'workready.apiKey';
    let programmes = null;
    let chart = null;

    // one element builder for every page (common/common.js)
    const el = window.WR.el;

    async function json(url) {
        const r = await fetch(url, {headers: {Accept: 'application/json',
            'X-API-Key': sessionStorage.getItem(KEY_STORAGE) || ''}});
        const body = await r.json();
        if (!r.ok) {
            throw new Error(body.detail || body.title || ('HTTP ' + r.status));
        }
        return body;
    }

    const pct = (v) => v == null ? '—' : `${Math.round(v * 100)} %`;
    const interval = (i) => i == null ? '—' : `${pct(i.estimate)} (${pct(i.low)}–${pct(i.high)})`;
    const auc = (i) => i == null ? '—' : `${i.estimate.toFixed(2)} (${i.low.toFixed(2)}–${i.high.toFixed(2)})`;

    /** The cohort of the chosen programme: its college and ФГОС code, all graduation years. */
    async function cohort() {
        if (!programmes) {
            programmes = await json('/api/reports/programmes');
        }
        const p = programmes.find((x) => String(x.id) === $('programme').value);
        return p ? new URLSearchParams({college: p.college, fgos: p.fgosCode}) : null;
    }

    function downloads(container, path, q) {
        container.replaceChildren(...['csv', 'xlsx'].map((f) => {
            const url = `${path}?${q}&format=${f}`;
            const a = el('a', {href: url, class: 'outcome-download', 'data-format': f}, `Скачать ${f.toUpperCase()}`);
            a.addEventListener('click', async (e) => {
                e.preventDefault();
                const r = await fetch(url, {headers: {'X-API-Key': sessionStorage.getItem(KEY_STORAGE) || ''}});
                if (!r.ok) {
                    return;
                }
                const link = el('a', {href: URL.createObjectURL(await r.blob()), download: `${path.split('/').pop()}.${f}`});
                document.body.append(link);
                link.click();
                link.remove();
            });
            return a;
        }));
    }

    function employment(r) {
        const head = el('tr', {}, ['Год выпуска', 'Месяцев', 'Выпускников', 'Наблюдено', 'Работают',
            'По специальности', 'Доля работающих', 'Доля по специальности', 'Источники']
            .map((h) => el('th', {}, h)));
        const rows = r.rows.map((x) => el('tr', {'data-year': x.graduationYear, 'data-months': x.months},
            el('td', {}, x.graduationYear), el('td', {}, x.months + (x.windowOpen ? ' (окно открыто)' : '')),
            el('td', {}, x.graduates == null ? 'скрыто' : x.graduates), el('td', {}, x.observed ?? '—'),
            el('td', {}, x.employed ?? '—'), el('td', {}, x.inSpecialty ?? '—'),
            el('td', {}, interval(x.employmentRate)), el('td', {}, interval(x.inSpecialtyRate)),
            el('td', {}, x.sources.join(', '))));
        $('employment').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
        $('employment-note').textContent = r.rows.length ? '' : 'Сведений о трудоустройстве выпускников программы нет.';
    }

    function validity(r) {
        const features = (r.summary ? [r.summary] : []).concat(r.generalizedFunctions, r.functions);
        $('validity-note').textContent = r.withheld ? `Не опубликовано: ${r.withheld}.`
            : `Выпускников с известным исходом: ${r.graduates}. Набор правил: ${r.ruleSets.join(', ') || '—'}; `
            + `стандарт: ${r.standardEditions.join(', ') || '—'}; сопоставления: ${r.mappings.join('; ') || '—'}; `
            + `источники: ${r.outcomeSources.join(', ') || '—'}.`;
        if (!chart) {
            chart = echarts.init($('validity-chart'), null, {renderer: 'canvas'});
            window.addEventListener('resize', () => chart.resize());
        }
        const shown = features.filter((f) => f.figure.auc);
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            grid: {left: 90, right: 30, top: 30, bottom: 40},
            xAxis: {type: 'value', min: 0, max: 1, name: 'AUC'},
            yAxis: {type: 'category', data: shown.map((f) => f.code), inverse: true},
            series: [
                {type: 'bar', stack: 'ci', itemStyle: {color: 'transparent'}, data: shown.map((f) => f.figure.auc.low),
                    tooltip: {show: false}},
                {type: 'bar', stack: 'ci', name: '95 % интервал AUC',
                    data: shown.map((f) => ({value: f.figure.auc.high - f.figure.auc.low,
                        itemStyle: {color: VERDICT[f.figure.verdict][1]}})),
                    markLine: {symbol: 'none', data: [{xAxis: 0.5}], label: {formatter: 'нет связи'}}},
                {type: 'scatter', name: 'AUC', data: shown.map((f) => f.figure.auc.estimate),
                    itemStyle: {color: '#000'}},
            ],
        }, true);
        const head = el('tr', {}, ['Показатель', 'Выпускников', 'READY: доля по специальности',
            'Остальные: доля', 'Разница', 'AUC', 'Вывод'].map((h) => el('th', {}, h)));
        const rows = features.map((f) => {
            const x = f.figure;
            const ready = x.groups[0];
            return el('tr', {'data-code': f.code, 'data-verdict': x.verdict},
                el('td', {title: f.name}, f.code), el('td', {}, x.graduates ?? 'скрыто'),
                el('td', {}, ready ? interval(ready.rate) : '—'), el('td', {}, x.lowGraduates ?? 'скрыто'),
                el('td', {}, interval(x.highVsLow)), el('td', {}, auc(x.auc)),
                el('td', {}, VERDICT[x.verdict][0]));
        });
        $('validity').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    }

    async function ruleSets() {
        const sets = await json('/api/rule-sets');
        const options = [el('option', {value: ''}, '— выберите версию —')];
        sets.forEach((s) => (s.versions || [s]).forEach((v) => {
            const name = v.name || s.name;
            const version = v.version;
            if (name && version) {
                options.push(el('option', {value: `${name}|${version}`}, `${name}-${version}`));
            }
        }));
        $('candidate').replaceChildren(...options);
    }

    async function compare() {
        const chosen = $('candidate').value;
        if (!chosen) {
            $('candidate-table').replaceChildren();
            return;
        }
        const [name, version] = chosen.split('|');
        const q = await cohort();
        q.set('standard', $('standard').value);
        q.set('candidate', name);
        q.set('version', version);
        const c = await json(`/api/reports/validity/comparison?${q}`);
        const head = el('tr', {}, ['ТФ', 'AUC действующего', 'AUC кандидата', 'Разница', 'Итог']
            .map((h) => el('th', {}, h)));
        const rows = c.rows.filter((x) => x.kind === 'ТФ').map((x) => el('tr', {'data-code': x.code,
            'data-better': x.better}, el('td', {}, x.code), el('td', {}, auc(x.activeAuc)),
            el('td', {}, auc(x.candidateAuc)), el('td', {}, auc(x.difference)), el('td', {}, BETTER[x.better])));
        $('candidate-table').replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
    }

    async function refresh() {
        const section = $('outcomes-section');
        section.dataset.ready = 'false';
        $('outcomes-error').hidden = true;
        try {
            const q = await cohort();
            if (!q) {
                return;
            }
            const v = new URLSearchParams(q);
            v.set('standard', $('standard').value);
            downloads($('employment-downloads'), '/api/reports/employment', q);
            downloads($('validity-downloads'), '/api/reports/validity', v);
            const [emp, val] = await Promise.all([json(`/api/reports/employment?${q}`),
                json(`/api/reports/validity?${v}`)]);
            employment(emp);
            validity(val);
            await compare();
        } catch (e) {
            $('outcomes-error').textContent = 'Не удалось построить отчёт об исходах: ' + e.message;
            $('outcomes-error').hidden = false;
        } finally {
            section.dataset.ready = 'true';
        }
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('candidate').addEventListener('change', () => compare().catch((e) => {
            $('outcomes-error').textContent = 'Не удалось сравнить наборы правил: ' + e.message;
            $('outcomes-error').hidden = false;
        }));
        // the page's own refresh sets data-ready="true" on body when its reports are drawn
        new MutationObserver(() => {
            if (document.body.dataset.ready === 'true') {
                ruleSets().catch(() => {}).then(refresh);
            }
        }).observe(document.body, {attributes: true, attributeFilter: ['data-ready']});
    });
})();
