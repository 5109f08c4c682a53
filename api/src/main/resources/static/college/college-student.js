// One student: readiness per ТФ of a chosen standard (with the explanation of one ТФ), consent, what-if and the
// evidence history. One explained readiness request answers both the table and every explanation.
(function () {
    'use strict';
    const {$, el} = WR;
    // the shipped rule sets' rule names, in Russian; a region's own rules are shown as they are named
    const RULES = {
        'Ready': 'Готов', 'Partially ready': 'Частично готов', 'Not ready': 'Не готов',
        'Insufficient evidence': 'Недостаточно данных', 'Unmapped function': 'ТФ не сопоставлена',
        'Above programme level': 'Выше уровня программы', 'Critical outcome caps at partially ready':
            'Критичный результат ограничивает уровнем «частично готов»',
        'Certified by independent assessment': 'Подтверждено независимой оценкой квалификации (НОК)',
        'Stale evidence excluded': 'Устаревшая оценка не учитывается',
    };
    const TYPES = {EXACT: 'полностью', PART_OF: 'частично', RELATED: 'косвенно'};

    let student = null;
    let readiness = null;
    const extra = [];

    const rule = (r) => RULES[r] || r;
    const base = () => `/api/students/${encodeURIComponent(student.id)}`;

    /** A stored result as the registrar wrote it: the grade, the points (a demonstration exam keeps both), pass/fail. */
    function result(e) {
        const parts = [];
        if (e.grade != null) {
            parts.push(`оценка ${e.grade}`);
        }
        if (e.points != null) {
            parts.push(`${WR.number(e.points)} из ${WR.number(e.maxPoints)} баллов`);
        }
        if (e.passed != null) {
            parts.push(e.passed ? 'зачтено' : 'не зачтено');
        }
        if (e.place != null) {
            parts.push(`место ${e.place}`);
        }
        return parts.join(', ') || '—';
    }

    function explain(code) {
        const f = readiness.functions.find((x) => x.code === code);
        $('explanation').hidden = false;
        $('explanation').dataset.function = code;
        $('explanation-title').textContent = `Объяснение: ${f.code} ${f.name}`;
        $('explanation-reason').replaceChildren(WR.level(f.level), ' Решило правило: ',
            el('b', {}, f.rules.map(rule).join(', ')), '. ', f.reason);
        const rows = [];
        (f.outcomes || []).forEach((o) => {
            rows.push(el('tr', {class: 'outcome', 'data-outcome': o.outcomeCode},
                el('th', {scope: 'row'}, o.outcomeCode + (o.critical ? ' (критичный)' : '')),
                el('td', {}, `${TYPES[o.type] || o.type}, вес ${WR.number(o.mappingWeight)}`),
                el('td', {colSpan: 4}, 'освоение ', el('b', {}, o.mastery == null ? 'нет оценок' : WR.number(o.mastery)))));
            o.evidence.forEach((e) => rows.push(el('tr', {class: 'evidence'},
                el('td', {}, ''), el('td', {}, `${WR.KINDS[e.kind] || e.kind}, ${WR.date(e.assessedOn)}, попытка ${e.attempt}`),
                el('td', {class: 'num'}, WR.number(e.score)), el('td', {class: 'num'}, WR.number(e.weight)),
                el('td', {class: 'num'}, e.superseded || e.excluded ? '—' : WR.number(e.contribution, 3)),
                el('td', {}, e.superseded ? 'заменена более поздней' : e.excluded
                    ? `не учтена: ${rule(e.rule || '')} ${e.reason || ''}` : 'учтена'))));
        });
        WR.table('explanation-outcomes', ['Результат освоения', 'Связь / оценка', 'Балл (0–1)', 'Вес вида',
            'Вклад', 'Учёт'], rows);
    }

    function drawReadiness() {
        const r = readiness;
        $('student-provenance').textContent = `Стандарт ${r.standard.code} «${r.standard.name}» (приказ `
            + `${r.standard.orderNumber} от ${WR.date(r.standard.approvalDate)}), правила ${r.ruleSetVersion}, `
            + `версия сопоставления ${r.mappingVersion}, рассчитано ${WR.date(r.computedAt)}.`;
        WR.table('readiness', ['ТФ', 'Наименование', 'Уровень квалификации', 'Уровень готовности', 'Готовность',
            'Покрытие'], r.functions.map((f) => el('tr', {'data-function': f.code, 'data-level': f.level},
            el('td', {}, el('button', {type: 'button', class: 'secondary', 'data-explain': f.code,
                'aria-label': `Объяснение ТФ ${f.code}`, onclick: () => explain(f.code)}, f.code)),
            el('td', {}, f.name), el('td', {class: 'num'}, f.qualificationLevel), el('td', {}, WR.level(f.level)),
            el('td', {class: 'num'}, WR.percent(f.readiness)), el('td', {class: 'num'}, WR.percent(f.coverage)))));
        const open = $('explanation').dataset.function;
        if (open && r.functions.some((f) => f.code === open)) {
            explain(open);
        }
    }

    async function loadReadiness() {
        $('student-error').hidden = true;
        const standard = $('student-standard').value;
        if (!standard) {
            WR.fail('student-error', 'Нет стандарта', 'программа студента не сопоставлена ни с одним стандартом');
            return;
        }
        readiness = await WR.get(`${base()}/readiness?standard=${encodeURIComponent(standard)}&explain=true`);
        drawReadiness();
    }

    async function loadEvidence() {
        const list = await WR.get(`${base()}/evidence`);
        WR.table('evidence', ['Дата', 'Результат освоения / ОТФ', 'Вид', 'Результат', 'Попытка', 'Загрузка', 'Статус'],
            list.slice().reverse().map((e) => el('tr', {'data-current': e.current},
                el('td', {}, WR.date(e.assessedOn)),
                el('td', {}, e.outcomeCode || `${e.standardCode} ОТФ ${e.generalizedFunctionCode}`),
                el('td', {}, WR.KINDS[e.kind] || e.kind), el('td', {}, result(e)),
                el('td', {class: 'num'}, e.attempt), el('td', {class: 'num'}, `№ ${e.uploadId}, стр. ${e.rowNumber}`),
                el('td', {}, e.current ? 'действует' : 'заменена'))));
    }

    async function loadConsent() {
        const c = await WR.get(`${base()}/consent`);
        $('consent-state').dataset.consent = c.consent;
        $('consent-state').textContent = (c.consent
            ? `Согласие дано${c.date ? ' ' + WR.date(c.date) : ''}: студент виден работодателям в подборках.`
            : `Согласия нет${c.date ? ' (отозвано ' + WR.date(c.date) + ')' : ''}: работодатели не видят студента.`)
            + ` Показан работодателям раз: ${WR.number(c.timesListedToEmployers, 0)}.`;
    }

    async function consent(given) {
        $('consent-error').hidden = true;
        try {
            const body = {consent: given};
            if ($('consent-date').value) {
                body.date = $('consent-date').value;
            }
            await WR.api('PUT', `${base()}/consent`, body);
            await loadConsent();
            College.studentsChanged();
        } catch (e) {
            WR.fail('consent-error', 'Не удалось записать решение', e);
        }
    }

    function drawExtra() {
        $('whatif-list').replaceChildren(...extra.map((x, i) => el('li', {},
            `${x.outcomeCode}: ${WR.KINDS[x.kind]}, ${x.result}${x.maxPoints ? ' из ' + x.maxPoints : ''}`
            + (x.assessedOn ? `, ${WR.date(x.assessedOn)}` : ''), ' ',
            el('button', {type: 'button', class: 'secondary', 'aria-label': 'Убрать результат ' + (i + 1),
                onclick: () => { extra.splice(i, 1); drawExtra(); }}, 'Убрать'))));
        $('whatif-run').disabled = extra.length === 0;
    }

    async function whatIf() {
        $('whatif-error').hidden = true;
        try {
            const r = await WR.api('POST', `${base()}/readiness/what-if?standard=${encodeURIComponent(
                $('student-standard').value)}`, {results: extra});
            const rows = r.changed.map((c) => el('tr', {'data-function': c.code, 'data-level-after': c.levelAfter},
                el('td', {}, c.code), el('td', {}, WR.level(c.levelBefore), ' → ', WR.level(c.levelAfter)),
                el('td', {class: 'num'}, `${WR.percent(c.readinessBefore)} → ${WR.percent(c.readinessAfter)}`),
                el('td', {class: 'num'}, `${WR.percent(c.coverageBefore)} → ${WR.percent(c.coverageAfter)}`)));
            $('whatif-outcome-box').replaceChildren(
                el('p', {}, r.changed.length ? `Изменятся ТФ: ${r.changed.length}.` : 'Ни одна ТФ не изменится.'),
                rows.length ? WR.table(el('table', {id: 'whatif-changes'}), ['ТФ', 'Уровень', 'Готовность', 'Покрытие'],
                    rows) : '');
        } catch (e) {
            WR.fail('whatif-error', 'Расчёт не выполнен', e);
        }
    }

    async function outcomes(programmeId) {
        const list = await WR.get(`/api/programmes/${programmeId}/outcomes?size=500`);
        $('whatif-outcome').replaceChildren(...list.map((o) => el('option', {value: o.code}, `${o.code} ${o.name}`)));
    }

    async function show(id) {
        if (!id) {
            return;
        }
        document.body.dataset.studentReady = 'false';
        $('student-error').hidden = true;
        try {
            student = await College.findStudent(id);
            const p = College.programme(student.programmeId);
            $('student-title').textContent = 'Студент ' + student.id;
            $('student-info').textContent = `Группа ${student.groupCode || '—'}; программа `
                + (p ? `${p.fgosCode} «${p.name}», набор ${p.intakeYear}` : '—');
            const standards = p ? p.standards : [];
            const chosen = $('student-standard').value;
            $('student-standard').replaceChildren(...standards.map((s) => el('option', {value: s.code},
                `${s.code} «${s.name}» (приказ ${s.orderNumber})`)));
            if (standards.some((s) => s.code === chosen)) {
                $('student-standard').value = chosen;
            }
            $('explanation').hidden = true;
            $('explanation').dataset.function = '';
            $('whatif-outcome-box').replaceChildren();
            extra.length = 0;
            drawExtra();
            await Promise.all([loadReadiness(), loadEvidence(), loadConsent(), outcomes(student.programmeId)]);
        } catch (e) {
            WR.fail('student-error', 'Не удалось открыть студента', e);
        }
        document.body.dataset.studentReady = 'true';
    }

    document.addEventListener('DOMContentLoaded', () => {
        $('whatif-kind').replaceChildren(...Object.entries(WR.KINDS).filter(([k]) => k !== 'INDEPENDENT_ASSESSMENT')
            .map(([k, v]) => el('option', {value: k}, v)));
        $('student-standard').addEventListener('change', () => loadReadiness()
            .catch((e) => WR.fail('student-error', 'Не удалось загрузить готовность', e)));
        $('student-pickers').addEventListener('submit', (e) => e.preventDefault());
        $('consent-form').addEventListener('submit', (e) => e.preventDefault());
        $('consent-give').addEventListener('click', () => consent(true));
        $('consent-withdraw').addEventListener('click', () => consent(false));
        $('whatif-form').addEventListener('submit', (e) => {
            e.preventDefault();
            const x = {outcomeCode: $('whatif-outcome').value, kind: $('whatif-kind').value,
                result: $('whatif-result').value.trim()};
            if ($('whatif-max').value) {
                x.maxPoints = Number($('whatif-max').value);
            }
            if ($('whatif-date').value) {
                x.assessedOn = $('whatif-date').value;
            }
            extra.push(x);
            $('whatif-result').value = '';
            drawExtra();
        });
        $('whatif-run').addEventListener('click', whatIf);
    });

    College.onShow.student = show;
})();
