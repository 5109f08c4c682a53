// Trends on the designers' page: the share of graduates READY for each ТФ at graduation, year after year
// (GET /api/reports/trends). reports.js calls window.workreadyTrends after each refresh; text goes through
// textContent only.
(function () {
    'use strict';

    const $ = (id) => document.getElementById(id);
    let chart = null;

    function item(text, attrs) {
        const li = document.createElement('li');
        Object.entries(attrs || {}).forEach(([k, v]) => li.setAttribute(k, v));
        li.textContent = text;
        return li;
    }

    const CHANGE = [[/^added in (.+)$/, 'добавлена в редакции $1'], [/^removed in (\S+) \(last in (.+)\)$/,
        'удалена в редакции $1 (последний раз — в $2)'], [/^renamed in (\S+) \(was «(.+)»\)$/,
        'переименована в редакции $1 (было «$2»)']];

    function russian(change) {
        return change.split('; ').map((c) => {
            const rule = CHANGE.find(([re]) => re.test(c));
            return rule ? c.replace(rule[0], rule[1]) : c;
        }).join('; ');
    }

    function note(r) {
        const graduated = r.years.filter((y) => y.graduates);
        const parts = [`Годы выпуска ${r.from}–${r.to}.`];
        if (!graduated.length) {
            parts.push('Выпусков этой программы за эти годы ещё нет.');
        }
        r.years.filter((y) => y.intakesNotGraduated).forEach((y) => parts.push(`${y.year}: набор ещё не выпущен.`));
        r.years.filter((y) => y.groupsLeftOut).forEach((y) =>
            parts.push(`${y.year}: группы менее 5 выпускников не показываются.`));
        const editions = r.years.filter((y) => y.editions.length).map((y) => `${y.year} — `
            + y.editions.map((e) => `приказ ${e.orderNumber}, версия сопоставления ${e.mappingVersions.join(', ')}`)
                .join('; '));
        if (editions.length) {
            parts.push(`Редакции стандарта: ${editions.join('; ')}.`);
        }
        return parts.join(' ');
    }

    window.workreadyTrends = async function (query, json) {
        const r = await json(`/api/reports/trends?${query}`);
        $('trends-note').textContent = note(r);
        const years = r.years.map((y) => String(y.year));
        const lines = r.lines.filter((l) => l.points.some((p) => p.readyShare != null));
        if (!chart) {
            chart = echarts.init($('trends-chart'), null, {renderer: 'canvas'});
            window.addEventListener('resize', () => chart.resize());
        }
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis', valueFormatter: (v) => v == null ? '—' : `${v} %`},
            legend: {type: 'scroll', top: 0},
            grid: {left: 50, right: 20, top: 50, bottom: 30},
            xAxis: {type: 'category', data: years, name: 'год выпуска', nameLocation: 'middle', nameGap: 22},
            yAxis: {type: 'value', name: '% готовых', min: 0, max: 100},
            series: lines.map((l) => ({
                name: l.code, type: 'line', connectNulls: false, symbolSize: 7,
                data: l.points.map((p) => p.readyShare == null ? null : Math.round(p.readyShare * 1000) / 10),
            })),
        }, true);
        $('trends-chart').dataset.lines = String(lines.length);
        const changed = r.lines.filter((l) => l.change);
        $('trends-changes').replaceChildren(...changed.map((l) =>
            item(`${l.code} «${l.name}»: ${russian(l.change)}`, {'data-code': l.code})));
    };
})();
