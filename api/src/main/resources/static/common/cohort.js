// The cohort readiness report (GET /api/reports/cohort): students per level for each ТФ as stacked bars (ECharts,
// vendored under /reports/vendor) and the weak spots with what drags them down. Drawn the same on the designers'
// page and the college page.
(function () {
    'use strict';

    const LEVELS = [
        ['READY', 'Готов', '#2e7d32'],
        ['PARTIALLY_READY', 'Частично готов', '#9ccc65'],
        ['INSUFFICIENT_EVIDENCE', 'Недостаточно данных', '#bdbdbd'],
        ['NOT_READY', 'Не готов', '#e53935'],
        ['UNMAPPED', 'Не сопоставлена', '#90a4ae'],
        ['ABOVE_PROGRAMME_LEVEL', 'Выше уровня программы', '#cfd8dc'],
    ];

    function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => (k.startsWith('data-') ? e.setAttribute(k, v) : (e[k] = v)));
        children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
        return e;
    }

    function notes(r) {
        const n = [];
        if (r.disclosure && r.disclosure.suppressed) {
            n.push('Данные когорты не показываются: группа менее 5 студентов (или её вычитание из других данных раскрыло бы такую группу).');
        } else if (!r.students) {
            n.push('У программы пока нет студентов с оценками.');
        } else if (r.disclosure && r.disclosure.reason) {
            n.push('Числа о менее чем 5 студентах и дополняющие их скрыты («—»).');
        }
        if (r.staleScores) {
            n.push('Часть оценок рассчитана по другой версии сопоставления: пересчитайте готовность.');
        }
        return n;
    }

    /** Draws report r into the elements with the given ids; answers the chart, to be passed again next time. */
    function draw(r, chart, ids) {
        const $ = (id) => document.getElementById(id);
        const n = notes(r);
        $(ids.note).textContent = n.join(' ');
        $(ids.note).hidden = !n.length;
        const fs = r.functions;
        const c = chart || echarts.init($(ids.chart), null, {renderer: 'canvas'});
        c.setOption({
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: {top: 0},
            grid: {left: 70, right: 20, top: 50, bottom: 30},
            xAxis: {type: 'value', name: 'студентов', max: r.students || null},
            yAxis: {type: 'category', data: fs.map((f) => f.code), inverse: true},
            series: LEVELS.map(([level, label, colour]) => ({
                name: label, type: 'bar', stack: 'students', itemStyle: {color: colour},
                data: fs.map((f) => f.levels[level] || 0),
            })),
        }, true);
        const head = el('tr', {}, ['ТФ', 'Доля «готов»', 'Средняя готовность', 'Тянут вниз: результаты',
            'Тянут вниз: виды оценки'].map((h) => el('th', {}, h)));
        const pct = (v) => v == null ? '—' : `${Math.round(v * 100)} %`;
        const rows = r.weakSpots.map((f) => el('tr', {'data-code': f.code},
            el('td', {title: f.name}, f.code), el('td', {}, pct(f.readyShare)), el('td', {}, pct(f.meanReadiness)),
            el('td', {}, f.weakestOutcomes.map((o) => `${o.outcomeCode} (${pct(o.meanMastery)}`
                + (o.withoutEvidence ? `, без оценок: ${o.withoutEvidence}` : '') + ')').join(', ')),
            el('td', {}, f.weakestEvidenceKinds.map((k) => `${k.kind} (${pct(k.meanScore)})`).join(', '))));
        $(ids.weak).replaceChildren(el('thead', {}, head), el('tbody', {}, rows));
        return c;
    }

    window.WRCohort = {draw};
})();
