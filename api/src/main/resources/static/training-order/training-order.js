// The regional training order page: GET /api/regions/{region}/training-order as a gap chart per need, the needs no
// programme covers, and the proposed admissions. Text goes through textContent only; the API key lives in
// sessionStorage (shared with the reports page) and travels in the X-API-Key header, never in a URL.
(function () {
    'use strict';

    const KEY_STORAGE = 'workready.apiKey';
    const KIND = {SPECIALTY: 'специальность', PROFILE: 'профиль должности', FUNCTION: 'ТФ',
        QUALIFICATION: 'квалификация (ОТФ)'};
    const $ = (id) => document.getElementById(id);
    const apiKey = () => sessionStorage.getItem(KEY_STORAGE) || '';
    let chart = null;
    let latest = 0;

    function el(tag, attrs, ...children) {
        const e = document.createElement(tag);
        Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
        children.forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '—' : String(c))));
        return e;
    }

    function askForKey(message) {
        $('sign-in-message').textContent = message || '';
        $('sign-in').hidden = false;
        $('api-key').focus();
    }

    async function authorized(url, accept) {
        const r = await fetch(url, {headers: {Accept: accept, 'X-API-Key': apiKey()}});
        if (r.status === 401) {
            sessionStorage.removeItem(KEY_STORAGE);
            askForKey('Ключ не принят: введите действующий ключ API.');
        }
        return r;
    }

    async function json(url) {
        const r = await authorized(url, 'application/json');
        const body = await r.json().catch(() => ({}));
        if (!r.ok) {
            const problems = (body.problems || []).map((p) => p.reason).join('; ');
            throw new Error((body.detail || ('HTTP ' + r.status)) + (problems ? ': ' + problems : ''));
        }
        return body;
    }

    function query() {
        const q = new URLSearchParams();
        if ($('from').value) {
            q.set('from', $('from').value);
        }
        if ($('to').value) {
            q.set('to', $('to').value);
        }
        return q;
    }

    function orderUrl(format) {
        const q = query();
        q.set('format', format);
        return `/api/regions/${encodeURIComponent($('region').value)}/training-order?${q}`;
    }

    function drawChart(order) {
        const needs = order.needs;
        if (!chart) {
            chart = echarts.init($('gap-chart'), null, {renderer: 'canvas'});
            window.addEventListener('resize', () => chart.resize());
        }
        const labels = needs.map((n) => `${n.year} ${n.label.trim()}`);
        chart.setOption({
            animation: false,
            tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
            legend: {top: 0},
            grid: {left: 60, right: 20, top: 40, bottom: 110},
            xAxis: {type: 'category', data: labels, axisLabel: {rotate: 25, interval: 0, width: 180,
                overflow: 'truncate'}},
            yAxis: {type: 'value', name: 'человек'},
            series: [
                {name: 'Ожидаемый выпуск готовых', type: 'bar', stack: 'need', color: '#66bb6a',
                    data: needs.map((n) => n.projectedSupply == null ? null : Math.min(n.projectedSupply, n.demand))},
                {name: 'Дефицит', type: 'bar', stack: 'need', color: '#e57373',
                    data: needs.map((n) => n.gap)},
                {name: 'Потребность', type: 'scatter', symbol: 'rect', symbolSize: [28, 3], color: '#1d1d1f',
                    data: needs.map((n) => n.demand)},
            ],
        }, true);
        $('gap-chart').dataset.needs = String(needs.length);
    }

    function showAdmissions(order) {
        const rows = order.admissions.map((a) => el('tr', {'data-college': a.college, 'data-code': a.fgosCode},
            el('td', {}, a.intakeYear), el('td', {}, a.fgosCode), el('td', {}, a.specialty),
            el('td', {}, `${a.college} ${a.collegeName}`), el('td', {class: 'number'}, a.currentIntake),
            el('td', {class: 'number'}, a.capacity), el('td', {class: 'number'}, a.proposedIntake),
            el('td', {class: a.change > 0 ? 'number up' : 'number'}, a.change > 0 ? `+${a.change}` : a.change),
            el('td', {class: 'why'}, a.justification)));
        $('admissions').querySelector('tbody').replaceChildren(...rows);
        $('uncovered').replaceChildren(...order.uncovered.map((u) => el('li', {'data-target': u.target},
            `${u.year}: ${KIND[u.kind] || u.kind} ${u.label.trim()} — потребность ${u.demand}`)));
    }

    async function refresh() {
        const mine = ++latest;
        $('error').hidden = true;
        document.body.dataset.ready = 'false';
        try {
            const order = await json(orderUrl('json'));
            if (mine !== latest) {
                return; // a newer request (other region or years) was sent meanwhile: its answer is the one shown
            }
            const a = order.assumptions;
            $('provenance').textContent = `${order.region}${order.college ? ', колледж ' + order.college : ''}: `
                + `годы потребности ${order.from}–${order.to}, ближайший приём ${order.nextIntakeYear}. `
                + `Доля READY при выпуске за ${a.historyGraduationYears.join(', ')} (группы от ${a.minimumGroupSize} `
                + `выпускников; без истории — ${a.defaultReadyShare}); трудоустройство по специальности — `
                + `${a.defaultEmployedShare}, пока нет данных о выпускниках.`;
            drawChart(order);
            showAdmissions(order);
        } catch (e) {
            if (mine !== latest) {
                return;
            }
            $('error').textContent = 'Не удалось построить заказ: ' + e.message;
            $('error').hidden = false;
        }
        document.body.dataset.ready = 'true';
    }

    async function download(event) {
        event.preventDefault();
        const format = event.currentTarget.dataset.format;
        const r = await authorized(orderUrl(format), '*/*');
        if (!r.ok) {
            $('error').textContent = 'Не удалось скачать: HTTP ' + r.status;
            $('error').hidden = false;
            return;
        }
        const url = URL.createObjectURL(await r.blob());
        const a = el('a', {href: url, download: `training-order.${format}`});
        document.body.append(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    }

    async function start() {
        const regions = await json('/api/regions');
        const wanted = new URLSearchParams(location.search).get('region');
        $('region').replaceChildren(...regions.map((r) => el('option', {value: r.code}, r.name)));
        const chosen = regions.find((r) => r.code === wanted || r.name === wanted) || regions.find((r) => r.demo);
        if (chosen) {
            $('region').value = chosen.code;
        }
        $('pickers').addEventListener('submit', (e) => {
            e.preventDefault();
            refresh();
        });
        $('region').addEventListener('change', refresh);
        $('download-xlsx').addEventListener('click', download);
        $('download-csv').addEventListener('click', download);
        await refresh();
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('sign-in').addEventListener('submit', (e) => {
            e.preventDefault();
            const key = $('api-key').value.trim();
            if (key) {
                sessionStorage.setItem(KEY_STORAGE, key);
                $('sign-in').hidden = true;
                start().catch((err) => askForKey(err.message));
            }
        });
        if (!apiKey()) {
            askForKey();
        } else {
            start().catch((err) => askForKey(err.message));
        }
    });
})();
