// The college's cohort report: the designers' readiness bars and weak spots (/common/cohort.js) for one of the
// college's programmes and a standard it is mapped to.
(function () {
    'use strict';
    const {$, el} = WR;
    let chart = null;

    function standards() {
        const p = College.programme(Number($('cohort-programme').value));
        $('cohort-standard').replaceChildren(...(p ? p.standards : []).map((s) =>
            el('option', {value: s.code}, `${s.code} «${s.name}» (приказ ${s.orderNumber})`)));
    }

    async function draw() {
        document.body.dataset.cohortReady = 'false';
        $('cohort-error').hidden = true;
        try {
            const q = new URLSearchParams({programme: $('cohort-programme').value, standard: $('cohort-standard').value});
            chart = WRCohort.draw(await WR.get(`/api/reports/cohort?${q}&limit=5`), chart,
                {chart: 'cohort-chart', note: 'cohort-note', weak: 'weak-spots'});
        } catch (e) {
            WR.fail('cohort-error', 'Отчёт недоступен', e);
        }
        document.body.dataset.cohortReady = 'true';
    }

    async function show() {
        if (!$('cohort-programme').options.length) {
            const mapped = College.programmes.filter((p) => p.standards.length);
            $('cohort-programme').replaceChildren(...mapped.map((p) => el('option', {value: p.id},
                `${p.fgosCode} «${p.name}», набор ${p.intakeYear}`)));
            standards();
        }
        await draw();
        // drawn while hidden the chart has no width: size it now that it shows
        chart && chart.resize();
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('cohort-pickers').addEventListener('submit', (e) => e.preventDefault());
        $('cohort-programme').addEventListener('change', () => { standards(); draw(); });
        $('cohort-standard').addEventListener('change', draw);
        window.addEventListener('resize', () => chart && chart.resize());
    });

    College.onShow.cohort = show;
})();
